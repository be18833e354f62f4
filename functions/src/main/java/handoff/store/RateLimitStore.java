package handoff.store;

import static handoff.store.Attr.n;

import handoff.core.ratelimit.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Fixed-window counters: one item per key and window, counted with a conditional atomic add. */
public final class RateLimitStore implements RateLimiter {
    /** Counters outlive their window briefly, then TTL tidies them away. */
    static final Duration COUNTER_GRACE = Duration.ofHours(1);

    private final DynamoDbClient dynamo;
    private final String table;

    public RateLimitStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean tryAcquire(String key, int limit, Instant windowEnd) {
        return DynamoCalls.conditionally(() -> dynamo.updateItem(u -> u.tableName(table)
                    .key(LinkStore.key(Keys.ratePk(key), Keys.RATE_SK))
                    .updateExpression("ADD #count :one SET #ttl = :ttl")
                    .conditionExpression("attribute_not_exists(#count) OR #count < :limit")
                    .expressionAttributeNames(Map.of("#count", "count", "#ttl", Keys.TTL))
                    .expressionAttributeValues(Map.of(":one", n(1), ":limit", n(limit),
                        ":ttl", Attr.epochSeconds(windowEnd.plus(COUNTER_GRACE))))));
    }
}
