package handoff.store;

import static handoff.store.Attr.n;
import static handoff.store.Attr.s;
import static handoff.store.Attr.time;

import handoff.core.link.Link;
import handoff.core.sweep.DueLinks;
import handoff.names.Names;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The sparse, sharded expiry index: which links are due, and the conditional write that expires one. */
public final class ExpiryStore implements DueLinks {
    private static final List<String> DUE_CURSOR = List.of(Keys.DUE_PK, Keys.DUE_SK, Keys.PK, Keys.SK);

    private final DynamoDbClient dynamo;
    private final String table;
    private final ItemMapper items;

    public ExpiryStore(DynamoDbClient dynamo, String table, ItemMapper items) {
        this.dynamo = dynamo;
        this.table = table;
        this.items = items;
    }

    @Override
    public int shards() {
        return Names.EXPIRY_SHARDS;
    }

    @Override
    public Page due(int shard, Instant now, int limit, String cursor) {
        QueryResponse page = DynamoCalls.call(() -> dynamo.query(QueryRequest.builder().tableName(table)
                .indexName(Names.EXPIRY_INDEX.name())
                // Sort keys are "{dueAt millis}#{linkId}": everything below the next millisecond is due.
                .keyConditionExpression("#pk = :shard AND #sk < :bound")
                .expressionAttributeNames(Map.of("#pk", Keys.DUE_PK, "#sk", Keys.DUE_SK))
                .expressionAttributeValues(Map.of(":shard", s(Keys.duePk(shard)),
                        ":bound", s(Keys.sortableMillis(now.plusMillis(1)))))
                .limit(limit)
                .exclusiveStartKey(cursor == null ? null : PageCursor.decode(cursor, DUE_CURSOR))
                .build()));
        return new Page(page.items().stream().map(items::link).toList(), page.scannedCount(),
                PageCursor.encode(page.lastEvaluatedKey(), DUE_CURSOR));
    }

    @Override
    public boolean expire(Link observed, Instant now, Instant ttl) {
        Map<String, String> names = new HashMap<>(Map.of("#status", "status", "#attempts", "attempts",
                "#expiresAt", "expiresAt", "#duePk", Keys.DUE_PK, "#dueSk", Keys.DUE_SK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":observed", s(observed.status().wireName()),
                ":attempts", n(observed.attempts()), ":now", time(now), ":expired", s("expired")));
        String set = "SET #status = :expired";
        if (ttl != null) {
            set += ", #ttl = :ttl";
            names.put("#ttl", Keys.TTL);
            values.put(":ttl", Attr.epochSeconds(ttl));
        }
        String update = set + " REMOVE #duePk, #dueSk";
        return DynamoCalls.conditionally(() -> dynamo.updateItem(u -> u.tableName(table)
                .key(LinkStore.key(Keys.linkPk(observed.linkId()), Keys.LINK_SK))
                .updateExpression(update)
                .conditionExpression("#status = :observed AND #attempts = :attempts AND #expiresAt <= :now")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)));
    }
}
