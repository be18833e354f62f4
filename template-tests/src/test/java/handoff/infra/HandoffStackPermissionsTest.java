package handoff.infra;

import handoff.names.Functions;
import handoff.names.Names;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static handoff.infra.SynthesizedStack.actions;
import static handoff.infra.SynthesizedStack.getAtt;
import static handoff.infra.SynthesizedStack.properties;
import static org.assertj.core.api.Assertions.assertThat;

/** Least privilege: each function's role grants exactly what its code needs. */
class HandoffStackPermissionsTest {

    static final List<String> ITEM_WRITES = List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
            "dynamodb:TransactWriteItems", "dynamodb:BatchWriteItem");

    static SynthesizedStack synth;
    static String tableId;
    static String queueId;

    @BeforeAll
    static void synth() {
        synth = SynthesizedStack.full();
        tableId = synth.tableId();
        queueId = synth.queueId(Names.SESSIONS_QUEUE);
    }

    private static List<String> actionsOn(Functions f, Object resource) {
        return synth.statements(f).stream()
                .filter(s -> resource.equals(s.get("Resource")))
                .flatMap(s -> actions(s).stream())
                .toList();
    }

    private static Object indexArn(Names.Index index) {
        return Map.of("Fn::Join", List.of("", List.of(getAtt(tableId, "Arn"), "/index/" + index.name())));
    }

    @ParameterizedTest
    @EnumSource(Functions.class)
    void roleHasNoManagedPolicies(Functions f) {
        assertThat(properties(synth.resource(synth.roleId(f)))).doesNotContainKey("ManagedPolicyArns");
    }

    @ParameterizedTest
    @EnumSource(Functions.class)
    void noRoleUsesServiceWideWildcardActions(Functions f) {
        assertThat(synth.allActions(f)).noneMatch(a -> a.endsWith(":*"));
    }

    @ParameterizedTest
    @EnumSource(Functions.class)
    void noRoleDeletesOrBatchWritesItems(Functions f) {
        assertThat(synth.allActions(f)).doesNotContain("dynamodb:DeleteItem", "dynamodb:BatchWriteItem");
    }

    @ParameterizedTest
    @EnumSource(Functions.class)
    void roleWritesLogsOnlyToItsOwnLogGroup(Functions f) {
        var logStatements = synth.statements(f).stream()
                .filter(s -> actions(s).stream().anyMatch(a -> a.startsWith("logs:")))
                .toList();
        assertThat(logStatements).singleElement().satisfies(s -> assertThat(s.get("Resource")).isEqualTo(
                getAtt(synth.logicalId("AWS::Logs::LogGroup", "LogGroupName",
                        "/aws/lambda/" + HandoffApp.stackName("test") + "-" + f.id), "Arn")));
    }

    @Test
    void createLinkWritesItemsWithoutQuerying() {
        assertThat(actionsOn(Functions.CREATE_LINK, getAtt(tableId, "Arn"))).containsExactlyInAnyOrder(
                "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:TransactWriteItems",
                "dynamodb:ConditionCheckItem");
    }

    @Test
    void createLinkHasNoSqsActions() {
        assertThat(synth.allActions(Functions.CREATE_LINK)).noneMatch(a -> a.startsWith("sqs:"));
    }

    @Test
    void claimLinkMaySendToTheSessionsQueue() {
        assertThat(actionsOn(Functions.CLAIM_LINK, getAtt(queueId, "Arn"))).containsExactly("sqs:SendMessage");
    }

    @Test
    void claimLinkReadsAndWritesTheTable() {
        assertThat(actionsOn(Functions.CLAIM_LINK, getAtt(tableId, "Arn")))
                .contains("dynamodb:GetItem", "dynamodb:Query", "dynamodb:TransactWriteItems", "dynamodb:UpdateItem");
    }

    @Test
    void onlyClaimLinkMaySendSessionMessages() {
        for (Functions f : Functions.values()) {
            if (f != Functions.CLAIM_LINK) {
                assertThat(synth.allActions(f)).as(f.id).doesNotContain("sqs:SendMessage");
            }
        }
    }

    @Test
    void linkStatusOnlyReadsTheTable() {
        assertThat(synth.allActions(Functions.LINK_STATUS).stream().filter(a -> a.startsWith("dynamodb:")))
                .containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:Query");
    }

    @Test
    void linkStatusHasNoWriteActions() {
        assertThat(synth.allActions(Functions.LINK_STATUS))
                .doesNotContainAnyElementsOf(ITEM_WRITES)
                .doesNotContain("dynamodb:ConditionCheckItem");
    }

    @Test
    void linkStatusHasNoSqsActions() {
        assertThat(synth.allActions(Functions.LINK_STATUS)).noneMatch(a -> a.startsWith("sqs:"));
    }

    @Test
    void consumeClaimTokenReadsAndWritesTheTable() {
        assertThat(actionsOn(Functions.CONSUME_CLAIM_TOKEN, getAtt(tableId, "Arn")))
                .contains("dynamodb:GetItem", "dynamodb:TransactWriteItems", "dynamodb:UpdateItem");
    }

    @Test
    void consumeClaimTokenHasNoSqsActions() {
        assertThat(synth.allActions(Functions.CONSUME_CLAIM_TOKEN)).noneMatch(a -> a.startsWith("sqs:"));
    }

    @Test
    void listOwnedLinksOnlyQueriesTheOwnerIndex() {
        var dynamo = synth.statements(Functions.LIST_OWNED_LINKS).stream()
                .filter(s -> actions(s).stream().anyMatch(a -> a.startsWith("dynamodb:")))
                .toList();
        assertThat(dynamo).singleElement().satisfies(s -> {
            assertThat(actions(s)).containsExactly("dynamodb:Query");
            assertThat(s.get("Resource")).isEqualTo(indexArn(Names.OWNER_INDEX));
        });
    }

    @Test
    void sessionWorkerReadsAndWritesTheTable() {
        assertThat(actionsOn(Functions.SESSION_WORKER, getAtt(tableId, "Arn")))
                .contains("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:TransactWriteItems");
    }

    @Test
    void sessionWorkerConsumesTheSessionsQueue() {
        assertThat(actionsOn(Functions.SESSION_WORKER, getAtt(queueId, "Arn")))
                .contains("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility");
    }

    @Test
    void expirySweeperQueriesTheExpiryIndex() {
        assertThat(actionsOn(Functions.EXPIRY_SWEEPER, indexArn(Names.EXPIRY_INDEX))).containsExactly("dynamodb:Query");
    }

    @Test
    void expirySweeperUpdatesItemsConditionally() {
        assertThat(actionsOn(Functions.EXPIRY_SWEEPER, getAtt(tableId, "Arn")))
                .contains("dynamodb:UpdateItem", "dynamodb:TransactWriteItems");
    }

    @Test
    void onlyTheSweeperQueriesTheExpiryIndexAndOnlyListingQueriesTheOwnerIndex() {
        for (Functions f : Functions.values()) {
            var queried = Names.INDEXES.stream().filter(i -> !actionsOn(f, indexArn(i)).isEmpty()).toList();
            var expected = switch (f) {
                case EXPIRY_SWEEPER -> List.of(Names.EXPIRY_INDEX);
                case LIST_OWNED_LINKS -> List.of(Names.OWNER_INDEX);
                default -> List.<Names.Index>of();
            };
            assertThat(queried).as(f.id).isEqualTo(expected);
        }
    }
}
