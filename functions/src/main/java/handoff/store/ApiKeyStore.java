package handoff.store;

import static handoff.store.Attr.s;

import handoff.core.tenant.ApiKeyRepository;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Tenant API keys, stored under the hash of the key. */
public final class ApiKeyStore implements ApiKeyRepository {
    private final DynamoDbClient dynamo;
    private final String table;

    public ApiKeyStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void insert(String apiKeyHash, String tenantId, Instant createdAt) {
        boolean written = DynamoCalls.conditionally(() -> dynamo.putItem(p -> p.tableName(table)
                .item(Map.of(Keys.PK, s(Keys.apiKeyPk(apiKeyHash)), Keys.SK, s(Keys.API_KEY_SK),
                        "tenantId", s(tenantId), "createdAt", Attr.time(createdAt)))
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK))));
        if (!written) throw new IllegalStateException("Fresh random API keys collided; refusing to overwrite");
    }

    @Override
    public Optional<String> tenantFor(String apiKeyHash) {
        Map<String, AttributeValue> item = DynamoCalls.call(() -> dynamo.getItem(g -> g.tableName(table)
                .key(LinkStore.key(Keys.apiKeyPk(apiKeyHash), Keys.API_KEY_SK)))).item();
        if (item == null || item.isEmpty() || item.containsKey("revokedAt")) return Optional.empty();
        return Optional.ofNullable(Attr.string(item, "tenantId"));
    }

    @Override
    public boolean revoke(String apiKeyHash, Instant at) {
        return DynamoCalls.conditionally(() -> dynamo.updateItem(u -> u.tableName(table)
                .key(LinkStore.key(Keys.apiKeyPk(apiKeyHash), Keys.API_KEY_SK))
                .updateExpression("SET #revokedAt = :at")
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(Map.of("#revokedAt", "revokedAt", "#pk", Keys.PK))
                .expressionAttributeValues(Map.of(":at", Attr.time(at)))));
    }
}
