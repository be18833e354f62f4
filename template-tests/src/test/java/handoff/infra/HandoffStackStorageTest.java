package handoff.infra;

import handoff.names.Names;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;

import static handoff.infra.SynthesizedStack.ref;

/** The one DynamoDB table: keys, indexes and TTL from {@link Names}; durable and protected. */
class HandoffStackStorageTest {

    static SynthesizedStack synth;
    static Template template;

    @BeforeAll
    static void synth() {
        synth = SynthesizedStack.full();
        template = synth.template;
    }

    private static Map<String, Object> key(String name, String type) {
        return Map.of("AttributeName", name, "KeyType", type);
    }

    private static Map<String, Object> stringAttribute(String name) {
        return Map.of("AttributeName", name, "AttributeType", "S");
    }

    @Test
    void thereIsExactlyOneTable() {
        template.resourceCountIs("AWS::DynamoDB::Table", 1);
    }

    @Test
    void tableNameIsTheSharedBaseNamePlusStage() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of("TableName", Names.TABLE + "-test"));
    }

    @Test
    void tableIsKeyedByStringPartitionAndSortKeys() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "KeySchema", List.of(key(Names.PARTITION_KEY, "HASH"), key(Names.SORT_KEY, "RANGE")),
                "AttributeDefinitions", Match.arrayWith(List.of(
                        stringAttribute(Names.PARTITION_KEY), stringAttribute(Names.SORT_KEY)))));
    }

    @Test
    void everySharedIndexIsAGsiWithStringKeysProjectingAll() {
        for (Names.Index index : Names.INDEXES) {
            template.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                    "GlobalSecondaryIndexes", Match.arrayWith(List.of(Map.of(
                            "IndexName", index.name(),
                            "KeySchema", List.of(key(index.partitionKey(), "HASH"), key(index.sortKey(), "RANGE")),
                            "Projection", Map.of("ProjectionType", "ALL")))),
                    "AttributeDefinitions", Match.arrayWith(List.of(
                            stringAttribute(index.partitionKey()), stringAttribute(index.sortKey())))));
        }
    }

    @Test
    void tableHasNoOtherIndexes() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "GlobalSecondaryIndexes", Match.exact(Names.INDEXES.stream()
                        .map(i -> Match.objectLike(Map.of("IndexName", i.name())))
                        .toList()),
                "LocalSecondaryIndexes", Match.absent()));
    }

    @Test
    void ttlUsesTheSharedAttribute() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "TimeToLiveSpecification", Map.of("AttributeName", Names.TTL, "Enabled", true)));
    }

    @Test
    void billingIsOnDemand() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of("BillingMode", "PAY_PER_REQUEST"));
    }

    @Test
    void pointInTimeRecoveryIsOn() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true)));
    }

    @Test
    void deletionProtectionIsOn() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of("DeletionProtectionEnabled", true));
    }

    @Test
    void tableIsRetainedOnStackDeletionAndReplacement() {
        template.hasResource("AWS::DynamoDB::Table", Map.of(
                "DeletionPolicy", "Retain",
                "UpdateReplacePolicy", "Retain"));
    }

    @Test
    void tableIsEncryptedWithTheAwsManagedKey() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "SSESpecification", Map.of("SSEEnabled", true)));
    }

    @Test
    void tableNameIsAnOutput() {
        template.hasOutput("TableName", Map.of("Value", ref(synth.tableId())));
    }
}
