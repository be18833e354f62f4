package handoff.store;

import static handoff.store.Attr.n;
import static handoff.store.Attr.s;
import static handoff.store.Attr.time;

import handoff.core.claimtoken.ClaimToken;
import handoff.core.link.Link;
import handoff.core.link.LinkRepository;
import handoff.core.link.LinkStatus;
import handoff.core.link.Owner;
import handoff.names.Names;
import handoff.core.session.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** Links, claim-code lookups and the start of sessions, in the one table (see {@link Keys}). */
public final class LinkStore implements LinkRepository {
    /** A claim code keeps answering (with "expired") for a while after its link's lifetime. */
    static final Duration CLAIM_CODE_GRACE = Duration.ofDays(7);
    private static final List<String> OWNER_CURSOR = List.of(Keys.OWNER_PK, Keys.OWNER_SK, Keys.PK, Keys.SK);

    private final DynamoDbClient dynamo;
    private final String table;
    private final ItemMapper items;

    public LinkStore(DynamoDbClient dynamo, String table, ItemMapper items) {
        this.dynamo = dynamo;
        this.table = table;
        this.items = items;
    }

    @Override
    public void insert(Link link, String claimCodeHash, ClaimToken claimToken) {
        Map<String, AttributeValue> claimCode = Map.of(
                Keys.PK, s(Keys.claimCodePk(claimCodeHash)),
                Keys.SK, s(Keys.CLAIM_CODE_SK),
                "linkId", s(link.linkId()),
                Keys.TTL, Attr.epochSeconds(link.expiresAt().plus(CLAIM_CODE_GRACE)));
        List<TransactWriteItem> writes = new ArrayList<>(List.of(newItem(items.linkItem(link)), newItem(claimCode)));
        if (claimToken != null) writes.add(newItem(items.claimTokenItem(claimToken)));
        boolean written = DynamoCalls.transact(() -> dynamo.transactWriteItems(t -> t.transactItems(writes)));
        if (!written) throw new IllegalStateException("Fresh random ids collided; refusing to overwrite");
    }

    @Override
    public Optional<Link> find(String linkId) {
        Map<String, AttributeValue> item = DynamoCalls.call(() -> dynamo.getItem(g -> g.tableName(table)
                .key(key(Keys.linkPk(linkId), Keys.LINK_SK)).consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(items.link(item));
    }

    @Override
    public Optional<LinkHistory> findWithSessions(String linkId) {
        Link link = null;
        List<Session> sessions = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            Map<String, AttributeValue> from = startKey;
            QueryResponse page = DynamoCalls.call(() -> dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK))
                    .expressionAttributeValues(Map.of(":pk", s(Keys.linkPk(linkId))))
                    // Descending: SESSION#00002, SESSION#00001, then LINK.
                    .scanIndexForward(false)
                    .consistentRead(true)
                    .exclusiveStartKey(from)
                    .build()));
            for (Map<String, AttributeValue> item : page.items()) {
                if (Keys.LINK_SK.equals(item.get(Keys.SK).s())) link = items.link(item);
                else sessions.add(items.session(item));
            }
            startKey = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return link == null ? Optional.empty() : Optional.of(new LinkHistory(link, sessions));
    }

    @Override
    public Optional<String> findLinkIdByClaimCodeHash(String claimCodeHash) {
        Map<String, AttributeValue> item = DynamoCalls.call(() -> dynamo.getItem(g -> g.tableName(table)
                .key(key(Keys.claimCodePk(claimCodeHash), Keys.CLAIM_CODE_SK)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(Attr.string(item, "linkId"));
    }

    @Override
    public LinkPage listByOwner(Owner owner, int limit, String cursor) {
        String ownerPk = Keys.ownerPk(owner);
        Map<String, AttributeValue> startKey = cursor == null ? null : PageCursor.decode(cursor, OWNER_CURSOR);
        // A cursor only continues its own owner's listing: a tampered one cannot read someone else's links.
        if (startKey != null && !startKey.get(Keys.OWNER_PK).s().equals(ownerPk)) throw PageCursor.invalid();
        QueryResponse page = DynamoCalls.call(() -> dynamo.query(QueryRequest.builder().tableName(table)
                .indexName(Names.OWNER_INDEX.name())
                .keyConditionExpression("#ownerPk = :ownerPk")
                .expressionAttributeNames(Map.of("#ownerPk", Keys.OWNER_PK))
                .expressionAttributeValues(Map.of(":ownerPk", s(ownerPk)))
                .scanIndexForward(false)
                .limit(limit)
                .exclusiveStartKey(startKey)
                .build()));
        List<Link> links = page.items().stream().map(items::link).toList();
        return new LinkPage(links, PageCursor.encode(page.lastEvaluatedKey(), OWNER_CURSOR));
    }

    @Override
    public boolean startSession(Link observed, Session session, Instant now) {
        Map<String, String> names = new HashMap<>(Map.of(
                "#status", "status", "#attempts", "attempts", "#expiresAt", "expiresAt",
                "#active", "activeSessionId", "#duePk", Keys.DUE_PK, "#dueSk", Keys.DUE_SK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":observedStatus", s(observed.status().wireName()),
                ":observedAttempts", n(observed.attempts()),
                ":now", time(now),
                ":active", s(LinkStatus.ACTIVE.wireName()),
                ":attempt", n(session.attempt()),
                ":sessionId", s(session.sessionId()),
                ":duePk", s(Keys.duePk(observed.linkId())),
                // The sweeper must look at the link when its session's deadline passes.
                ":dueSk", s(Keys.dueSk(session.deadline(), observed.linkId()))));
        Update claimLink = Update.builder().tableName(table)
                .key(key(Keys.linkPk(observed.linkId()), Keys.LINK_SK))
                .conditionExpression("#status = :observedStatus AND #attempts = :observedAttempts AND #expiresAt > :now")
                .updateExpression("SET #status = :active, #attempts = :attempt, #active = :sessionId, "
                        + "#duePk = :duePk, #dueSk = :dueSk")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
        return DynamoCalls.transact(() -> dynamo.transactWriteItems(t -> t.transactItems(
                TransactWriteItem.builder().update(claimLink).build(),
                newItem(items.sessionItem(session)))));
    }

    static TransactWriteItem newItem(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK))
                .build()).build();
    }

    private TransactWriteItem newItem(Map<String, AttributeValue> item) {
        return newItem(table, item);
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(Keys.PK, s(pk), Keys.SK, s(sk));
    }

}
