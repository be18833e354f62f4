package handoff.sweeper;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import handoff.testing.TestHandoff;
import handoff.testing.TestIssuer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/** The scheduled sweep: links that ran out of time say so, stuck sessions fail, finished links are left alone. */
class ExpirySweeperIT {
    static final String TWO_STEPS = """
            {"integrationId":"sandbox","operations":[{"resource":"account","action":"read"},{"resource":"usage","action":"read"}]}""";
    static final String FAILS = """
            {"integrationId":"sandbox","operations":[{"resource":"account","action":"read","arguments":{"fail":"card_declined"}}]}""";

    final TestHandoff handoff = new TestHandoff();

    @Test
    void pendingLinkPastExpiryIsMarkedExpiredAndLeavesTheIndex() {
        JsonNode link = handoff.created(TWO_STEPS);
        handoff.clock.advance(Duration.ofHours(4));

        Map<String, Object> report = handoff.sweep();

        assertThat(report).containsEntry("LinksExpired", 1).containsEntry("finished", true);
        assertThat(storedStatus(link)).isEqualTo("expired");
        assertThat(linkItem(link)).doesNotContainKeys("GSI2PK", "GSI2SK");
        assertThat(handoff.sweep()).containsEntry("LinksExamined", 0);
    }

    @Test
    void linksNotYetDueAreNotTouched() {
        JsonNode link = handoff.created(TWO_STEPS);
        handoff.clock.advance(Duration.ofHours(4).minusSeconds(1));

        assertThat(handoff.sweep()).containsEntry("LinksExamined", 0);
        assertThat(storedStatus(link)).isEqualTo("pending");
    }

    @Test
    void failedLinkPastExpiryIsMarkedExpired() {
        JsonNode link = handoff.created(FAILS);
        handoff.claim(link.get("claimCode").asText());
        handoff.drainQueue();
        assertThat(storedStatus(link)).isEqualTo("failed");
        handoff.clock.advance(Duration.ofHours(5));

        handoff.sweep();

        assertThat(storedStatus(link)).isEqualTo("expired");
    }

    @Test
    void completeLinkNeverExpires() {
        JsonNode link = handoff.created(TWO_STEPS);
        handoff.claim(link.get("claimCode").asText());
        handoff.drainQueue();
        handoff.clock.advance(Duration.ofDays(10));

        assertThat(handoff.sweep()).containsEntry("LinksExamined", 0);
        assertThat(storedStatus(link)).isEqualTo("complete");
        assertThat(TestHandoff.json(handoff.statusByClaimCode(link.get("claimCode").asText())).get("status").asText())
                .isEqualTo("complete");
    }

    @Test
    void activeSessionPastItsDeadlineFailsAndTheLinkCanBeClaimedAgain() {
        JsonNode link = handoff.created(TWO_STEPS);
        String code = link.get("claimCode").asText();
        handoff.claim(code);
        List<Message> neverRun = handoff.receive(); // the worker "died": nobody runs this session
        handoff.clock.advance(handoff.wiring.config().sessionDeadline());

        Map<String, Object> report = handoff.sweep();

        assertThat(report).containsEntry("SessionsTimedOut", 1);
        JsonNode status = TestHandoff.json(handoff.statusByClaimCode(code));
        assertThat(status.get("status").asText()).isEqualTo("failed");
        assertThat(status.at("/sessions/0/error/code").asText()).isEqualTo("session_timeout");
        assertThat(handoff.claim(code).getStatusCode()).isEqualTo(201);
        assertThat(neverRun).hasSize(1);
    }

    @Test
    void aWorkerWakingLateForATimedOutSessionRunsNothingAndLeavesItFailed() {
        JsonNode link = handoff.created(TWO_STEPS);
        String code = link.get("claimCode").asText();
        handoff.claim(code);
        List<Message> late = handoff.receive();
        handoff.clock.advance(handoff.wiring.config().sessionDeadline());
        handoff.sweep();

        assertThat(handoff.invokeWorker(late).getBatchItemFailures()).isEmpty();

        JsonNode status = TestHandoff.json(handoff.statusByClaimCode(code));
        assertThat(status.get("status").asText()).isEqualTo("failed");
        assertThat(status.at("/sessions/0/status").asText()).isEqualTo("failed");
        assertThat(status.at("/sessions/0/operations/0/status").asText()).isEqualTo("pending");
    }

    @Test
    void activeSessionWhenTheLinkItselfRunsOutExpiresTheLink() {
        JsonNode link = handoff.created("""
                {"integrationId":"sandbox","expiresInSeconds":300,"operations":[{"resource":"account","action":"read"}]}""");
        handoff.claim(link.get("claimCode").asText());
        handoff.clock.advance(Duration.ofMinutes(5));

        handoff.sweep();

        assertThat(storedStatus(link)).isEqualTo("expired");
        JsonNode status = TestHandoff.json(handoff.statusByClaimCode(link.get("claimCode").asText()));
        assertThat(status.at("/sessions/0/error/code").asText()).isEqualTo("link_expired");
    }

    @Test
    void neverClaimedTenantLinkGetsATtlButLinksWithHistoryAndAnonymousLinksDoNot() {
        JsonNode unclaimed = handoff.created(TWO_STEPS);
        JsonNode failed = handoff.created(FAILS);
        handoff.claim(failed.get("claimCode").asText());
        handoff.drainQueue();
        JsonNode anonymous = handoff.createdAnonymous();
        handoff.clock.advance(Duration.ofHours(5));

        handoff.sweep();

        assertThat(linkItem(unclaimed).get("ttl").n()).isEqualTo(Long.toString(
                TestHandoff.START.plus(Duration.ofHours(4)).plus(Duration.ofDays(30)).getEpochSecond()));
        assertThat(linkItem(failed)).doesNotContainKey("ttl");
        assertThat(linkItem(anonymous)).doesNotContainKey("ttl");
        assertThat(storedStatus(anonymous)).isEqualTo("expired");
    }

    @Test
    void anExpiredAnonymousLinkCanStillBeTakenIntoOwnershipWithinItsWindow() {
        JsonNode link = handoff.createdAnonymous();
        handoff.clock.advance(Duration.ofHours(5));
        handoff.sweep();

        var response = handoff.consume(link.get("claimToken").asText(), TestIssuer.get().token("user_ada", null));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(storedStatus(link)).isEqualTo("expired");
    }

    private String storedStatus(JsonNode link) {
        return linkItem(link).get("status").s();
    }

    private Map<String, AttributeValue> linkItem(JsonNode link) {
        return handoff.dynamo.getItem(g -> g.tableName(handoff.table).key(Map.of(
                "PK", AttributeValue.fromS("LINK#" + link.get("linkId").asText()),
                "SK", AttributeValue.fromS("LINK")))).item();
    }
}
