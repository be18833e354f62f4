package handoff.store;

import static handoff.store.Attr.n;
import static handoff.store.Attr.s;
import static handoff.store.Attr.time;

import com.fasterxml.jackson.databind.ObjectMapper;
import handoff.core.claimtoken.ClaimToken;
import handoff.core.link.Link;
import handoff.core.link.LinkStatus;
import handoff.core.link.Owner;
import handoff.core.link.Policies;
import handoff.core.session.Session;
import handoff.core.session.SessionStatus;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Links and sessions to and from items, by hand: no reflection, no schema building at run time. */
public final class ItemMapper {
    private final JsonColumns json;

    public ItemMapper(ObjectMapper json) {
        this.json = new JsonColumns(json);
    }

    Map<String, AttributeValue> linkItem(Link link) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.linkPk(link.linkId())));
        item.put(Keys.SK, s(Keys.LINK_SK));
        item.put("linkId", s(link.linkId()));
        item.put("integrationId", s(link.integrationId()));
        item.put("operations", s(json.operations(link.operations())));
        if (link.returnUrl() != null) item.put("returnUrl", s(link.returnUrl()));
        item.put("status", s(link.status().wireName()));
        item.put("createdAt", time(link.createdAt()));
        item.put("expiresAt", time(link.expiresAt()));
        item.put("maxAttempts", n(link.policies().maxAttempts()));
        item.put("attempts", n(link.attempts()));
        if (link.owner() != null) {
            item.put("ownerKind", s(link.owner().kind().wireName()));
            item.put("ownerId", s(link.owner().id()));
            item.put(Keys.OWNER_PK, s(Keys.ownerPk(link.owner())));
            item.put(Keys.OWNER_SK, s(Keys.ownerSk(link.createdAt(), link.linkId())));
        }
        if (link.status().canExpire()) {
            item.put(Keys.DUE_PK, s(Keys.duePk(link.linkId())));
            item.put(Keys.DUE_SK, s(Keys.dueSk(link.expiresAt(), link.linkId())));
        }
        return item;
    }

    Link link(Map<String, AttributeValue> item) {
        int maxAttempts = Attr.integer(item, "maxAttempts");
        String ownerKind = Attr.string(item, "ownerKind");
        return new Link(
                Attr.string(item, "linkId"),
                Attr.string(item, "integrationId"),
                json.operations(Attr.string(item, "operations")),
                Attr.string(item, "returnUrl"),
                LinkStatus.fromWire(Attr.string(item, "status")),
                Attr.instant(item, "createdAt"),
                Attr.instant(item, "expiresAt"),
                ownerKind == null ? null : new Owner(Owner.Kind.fromWire(ownerKind), Attr.string(item, "ownerId")),
                maxAttempts == 0 ? Policies.defaults() : new Policies(maxAttempts),
                Attr.integer(item, "attempts"),
                Attr.string(item, "activeSessionId"),
                json.results(Attr.string(item, "result")));
    }

    Map<String, AttributeValue> sessionItem(Session session) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.linkPk(session.linkId())));
        item.put(Keys.SK, s(Keys.sessionSk(session.attempt())));
        item.put("sessionId", s(session.sessionId()));
        item.put("linkId", s(session.linkId()));
        item.put("attempt", n(session.attempt()));
        item.put("status", s(session.status().wireName()));
        item.put("startedAt", time(session.startedAt()));
        item.put("deadline", time(session.deadline()));
        item.put("progress", s(json.progress(session.progress())));
        return item;
    }

    Session session(Map<String, AttributeValue> item) {
        return new Session(
                Attr.string(item, "sessionId"),
                Attr.string(item, "linkId"),
                Attr.integer(item, "attempt"),
                SessionStatus.fromWire(Attr.string(item, "status")),
                Attr.instant(item, "startedAt"),
                Attr.instant(item, "deadline"),
                Attr.instant(item, "finishedAt"),
                json.progress(Attr.string(item, "progress")),
                Attr.string(item, "errorCode"),
                Attr.string(item, "errorMessage"),
                Attr.string(item, "leaseId"),
                Attr.instant(item, "leaseUntil"));
    }

    Map<String, AttributeValue> claimTokenItem(ClaimToken token) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.claimTokenPk(token.tokenHash())));
        item.put(Keys.SK, s(Keys.CLAIM_TOKEN_SK));
        item.put("linkId", s(token.linkId()));
        item.put("expiresAt", time(token.expiresAt()));
        // Kept past its window so a late visitor hears "expired" rather than "not found".
        item.put(Keys.TTL, Attr.epochSeconds(token.expiresAt().plus(ClaimToken.WINDOW)));
        return item;
    }

    ClaimToken claimToken(String tokenHash, Map<String, AttributeValue> item) {
        String consumedByKind = Attr.string(item, "consumedByKind");
        return new ClaimToken(tokenHash, Attr.string(item, "linkId"), Attr.instant(item, "expiresAt"),
                Attr.instant(item, "consumedAt"),
                consumedByKind == null ? null
                        : new Owner(Owner.Kind.fromWire(consumedByKind), Attr.string(item, "consumedById")));
    }

    String progress(java.util.List<handoff.core.session.OperationProgress> progress) {
        return json.progress(progress);
    }

    String results(java.util.List<Map<String, Object>> results) {
        return json.results(results);
    }
}
