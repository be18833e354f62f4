package handoff.store;

import handoff.names.Names;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import java.util.ArrayList;
import java.util.stream.Stream;

/**
 * Creates the table from {@link Names} exactly as the CDK stack declares it, for the local runner and
 * the integration tests.
 */
public final class TableProvisioner {
    private TableProvisioner() {}

    public static void createIfMissing(DynamoDbClient dynamo, String table) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        Stream.concat(Stream.of(Names.PARTITION_KEY, Names.SORT_KEY),
                        Names.INDEXES.stream().flatMap(i -> Stream.of(i.partitionKey(), i.sortKey())))
                .forEach(name -> attributes.add(AttributeDefinition.builder()
                        .attributeName(name).attributeType(ScalarAttributeType.S).build()));
        List<GlobalSecondaryIndex> indexes = Names.INDEXES.stream().map(i -> GlobalSecondaryIndex.builder()
                .indexName(i.name())
                .keySchema(keys(i.partitionKey(), i.sortKey()))
                .projection(p -> p.projectionType(ProjectionType.ALL))
                .build()).toList();
        try {
            dynamo.createTable(t -> t.tableName(table)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(attributes)
                    .keySchema(keys(Names.PARTITION_KEY, Names.SORT_KEY))
                    .globalSecondaryIndexes(indexes));
            dynamo.waiter().waitUntilTableExists(w -> w.tableName(table));
            dynamo.updateTimeToLive(u -> u.tableName(table)
                    .timeToLiveSpecification(s -> s.attributeName(Names.TTL).enabled(true)));
        } catch (ResourceInUseException alreadyThere) {
            // Persistent local data from an earlier run: keep it.
        }
    }

    private static List<KeySchemaElement> keys(String partitionKey, String sortKey) {
        return List.of(
                KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName(sortKey).keyType(KeyType.RANGE).build());
    }
}
