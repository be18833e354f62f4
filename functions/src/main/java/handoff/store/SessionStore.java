package handoff.store;

import static handoff.store.Attr.s;
import static handoff.store.Attr.time;

import handoff.core.link.Link;
import handoff.core.link.LinkStatus;
import handoff.core.session.OperationProgress;
import handoff.core.session.Session;
import handoff.core.session.SessionEnding;
import handoff.core.session.SessionRepository;
import handoff.core.session.SessionStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** Session records: leases, progress, and the transaction that ends a session and moves its link. */
public final class SessionStore implements SessionRepository {
    private static final AttributeValue ACTIVE = s(SessionStatus.ACTIVE.wireName());

    private final DynamoDbClient dynamo;
    private final String table;
    private final ItemMapper items;

    public SessionStore(DynamoDbClient dynamo, String table, ItemMapper items) {
        this.dynamo = dynamo;
        this.table = table;
        this.items = items;
    }

    @Override
    public Optional<Session> find(String linkId, int attempt) {
        Map<String, AttributeValue> item = DynamoCalls.call(() -> dynamo.getItem(g -> g.tableName(table)
                .key(sessionKey(linkId, attempt)).consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(items.session(item));
    }

    @Override
    public boolean acquireLease(Session session, String leaseId, Instant now, Instant leaseUntil) {
        return conditionalUpdate(session,
                "SET #leaseId = :leaseId, #leaseUntil = :leaseUntil",
                "#status = :active AND (attribute_not_exists(#leaseUntil) OR #leaseUntil < :now)",
                Map.of("#status", "status", "#leaseId", "leaseId", "#leaseUntil", "leaseUntil"),
                Map.of(":active", ACTIVE, ":leaseId", s(leaseId), ":leaseUntil", time(leaseUntil), ":now", time(now)));
    }

    @Override
    public boolean recordProgress(Session session, String leaseId, int completedIndex, List<OperationProgress> progress) {
        return conditionalUpdate(session,
                "SET #progress = :progress",
                "#status = :active AND #leaseId = :leaseId",
                Map.of("#status", "status", "#leaseId", "leaseId", "#progress", "progress"),
                Map.of(":active", ACTIVE, ":leaseId", s(leaseId), ":progress", s(items.progress(progress))));
    }

    @Override
    public boolean end(Link link, Session session, List<OperationProgress> progress, SessionEnding ending, Instant now) {
        Map<String, String> sessionNames = new HashMap<>(Map.of("#status", "status", "#finishedAt", "finishedAt",
                "#progress", "progress", "#leaseId", "leaseId", "#leaseUntil", "leaseUntil"));
        Map<String, AttributeValue> sessionValues = new HashMap<>(Map.of(":active", ACTIVE,
                ":status", s(ending.sessionStatus().wireName()), ":now", time(now),
                ":progress", s(items.progress(progress))));
        String sessionSet = "SET #status = :status, #finishedAt = :now, #progress = :progress";
        if (ending.errorCode() != null) {
            sessionSet += ", #errorCode = :errorCode, #errorMessage = :errorMessage";
            sessionNames.putAll(Map.of("#errorCode", "errorCode", "#errorMessage", "errorMessage"));
            sessionValues.putAll(Map.of(":errorCode", s(ending.errorCode()), ":errorMessage", s(ending.errorMessage())));
        }
        Update endSession = Update.builder().tableName(table).key(sessionKey(session.linkId(), session.attempt()))
                .updateExpression(sessionSet + " REMOVE #leaseId, #leaseUntil")
                .conditionExpression("#status = :active")
                .expressionAttributeNames(sessionNames)
                .expressionAttributeValues(sessionValues)
                .build();
        return DynamoCalls.transact(() -> dynamo.transactWriteItems(t -> t.transactItems(
                TransactWriteItem.builder().update(endSession).build(),
                TransactWriteItem.builder().update(moveLink(link, session, ending, now)).build())));
    }

    private Update moveLink(Link link, Session session, SessionEnding ending, Instant now) {
        Map<String, String> names = new HashMap<>(Map.of("#status", "status", "#activeSession", "activeSessionId",
                "#dueSk", Keys.DUE_SK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":active", s(LinkStatus.ACTIVE.wireName()),
                ":sessionId", s(session.sessionId()), ":newStatus", s(ending.linkStatus().wireName())));
        String set = "SET #status = :newStatus";
        String remove = " REMOVE #activeSession";
        String condition = "#status = :active AND #activeSession = :sessionId";
        switch (ending.linkStatus()) {
            case COMPLETE -> {
                set += ", #result = :result";
                names.put("#result", "result");
                values.put(":result", s(items.results(ending.result())));
                condition += " AND #expiresAt > :now";
                names.put("#expiresAt", "expiresAt");
                values.put(":now", time(now));
                remove += ", #duePk, #dueSk";
                names.put("#duePk", Keys.DUE_PK);
            }
            // A failed link can still expire: the sweeper looks at it again at its expiry.
            case FAILED -> {
                set += ", #dueSk = :dueSk";
                values.put(":dueSk", s(Keys.dueSk(link.expiresAt(), link.linkId())));
            }
            default -> {
                remove += ", #duePk, #dueSk";
                names.put("#duePk", Keys.DUE_PK);
            }
        }
        return Update.builder().tableName(table).key(LinkStore.key(Keys.linkPk(link.linkId()), Keys.LINK_SK))
                .updateExpression(set + remove)
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }

    private boolean conditionalUpdate(Session session, String update, String condition, Map<String, String> names,
                                      Map<String, AttributeValue> values) {
        return DynamoCalls.conditionally(() -> dynamo.updateItem(u -> u.tableName(table)
                .key(sessionKey(session.linkId(), session.attempt()))
                .updateExpression(update)
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)));
    }

    private static Map<String, AttributeValue> sessionKey(String linkId, int attempt) {
        return LinkStore.key(Keys.linkPk(linkId), Keys.sessionSk(attempt));
    }
}
