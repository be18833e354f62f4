package handoff.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import handoff.core.secret.SecretKind;
import handoff.core.secret.Secrets;
import handoff.testing.TestHandoff;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The Connect link lifecycle end to end through the real handlers and the sandbox integration. The
 * same scenarios run on DynamoDB Local and ElasticMQ ({@link LinkLifecycleIT}) and, where Docker is
 * available, on LocalStack ({@link LinkLifecycleLocalStackIT}).
 */
abstract class LinkLifecycleScenarios {
    static final String READ_THEN_WRITE = """
            {"integrationId":"sandbox","returnUrl":"https://app.example.com/done",
             "operations":[{"resource":"payment_methods","action":"read"},
                           {"resource":"payment_methods","action":"write","arguments":{"last4":"4444"}}]}""";
    static final String FAILS_ON_SECOND = """
            {"integrationId":"sandbox",
             "operations":[{"resource":"account","action":"read"},
                           {"resource":"usage","action":"read","arguments":{"fail":"carrier_timeout"}}]}""";

    static final String FLAKY_ON_FIRST_ATTEMPT = """
            {"integrationId":"sandbox",
             "operations":[{"resource":"account","action":"read","arguments":{"failAttempts":1}},
                           {"resource":"usage","action":"read"}]}""";

    final TestHandoff handoff = newHandoff();

    abstract TestHandoff newHandoff();

    @Test
    void createdLinkIsPendingWithClaimCodeAndReturnUrlCarryingLinkId() {
        JsonNode link = handoff.created(READ_THEN_WRITE);

        assertThat(link.get("status").asText()).isEqualTo("pending");
        assertThat(link.get("linkId").asText()).matches("link_[0-9A-Za-z]{22}");
        assertThat(link.get("claimCode").asText()).startsWith("hndc_");
        assertThat(link.get("returnUrl").asText())
                .isEqualTo("https://app.example.com/done?linkId=" + link.get("linkId").asText());
        assertThat(link.get("expiresAt").asText()).isEqualTo(TestHandoff.START.plus(Duration.ofHours(4)).toString());
    }

    @Test
    void claimedLinkRunsEveryOperationInOrderAndCompletesWithResults() {
        JsonNode link = handoff.created(READ_THEN_WRITE);

        APIGatewayV2HTTPResponse claim = handoff.claim(link.get("claimCode").asText());
        assertThat(claim.getStatusCode()).isEqualTo(201);
        assertThat(TestHandoff.json(claim).get("status").asText()).isEqualTo("active");
        assertThat(handoff.drainQueue()).isEqualTo(1);

        JsonNode status = TestHandoff.json(handoff.statusByClaimCode(link.get("claimCode").asText()));
        assertThat(status.get("status").asText()).isEqualTo("complete");
        assertThat(status.at("/result/0/paymentMethods/0/last4").asText()).isEqualTo("4242");
        assertThat(status.at("/result/1/paymentMethod/last4").asText()).isEqualTo("4444");
        assertThat(status.at("/sessions/0/status").asText()).isEqualTo("complete");
        assertThat(status.at("/sessions/0/operations/1/status").asText()).isEqualTo("succeeded");
    }

    @Test
    void failedOperationFailsTheLinkAndReclaimStartsANewSessionKeepingTheOldOne() {
        JsonNode link = handoff.created(FAILS_ON_SECOND);
        String code = link.get("claimCode").asText();
        handoff.claim(code);
        handoff.drainQueue();

        JsonNode failed = TestHandoff.json(handoff.statusByClaimCode(code));
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.at("/sessions/0/error/code").asText()).isEqualTo("carrier_timeout");
        assertThat(failed.at("/sessions/0/operations/0/status").asText()).isEqualTo("succeeded");
        assertThat(failed.at("/sessions/0/operations/1/status").asText()).isEqualTo("failed");

        APIGatewayV2HTTPResponse reclaim = handoff.claim(code);
        assertThat(reclaim.getStatusCode()).isEqualTo(201);
        JsonNode second = TestHandoff.json(reclaim).get("session");
        assertThat(second.get("attempt").asInt()).isEqualTo(2);
        assertThat(second.get("sessionId").asText()).isNotEqualTo(failed.at("/sessions/0/sessionId").asText());

        JsonNode history = TestHandoff.json(handoff.get(link.get("linkId").asText(), handoff.apiKey));
        assertThat(history.get("sessions")).hasSize(2);
        assertThat(history.at("/sessions/0/attempt").asInt()).isEqualTo(2);
        assertThat(history.at("/sessions/0/status").asText()).isEqualTo("active");
        assertThat(history.at("/sessions/1/status").asText()).isEqualTo("failed");
    }

    @Test
    void reclaimAfterFailureStartsANewSessionThatCompletesWithBothSessionsListed() {
        JsonNode link = handoff.created(FLAKY_ON_FIRST_ATTEMPT);
        String code = link.get("claimCode").asText();
        handoff.claim(code);
        handoff.drainQueue();
        assertThat(TestHandoff.json(handoff.statusByClaimCode(code)).get("status").asText()).isEqualTo("failed");

        handoff.claim(code);
        handoff.drainQueue();

        JsonNode history = TestHandoff.json(handoff.get(link.get("linkId").asText(), handoff.apiKey));
        assertThat(history.get("status").asText()).isEqualTo("complete");
        assertThat(history.at("/result/0/accountId").asText()).startsWith("acct_");
        assertThat(history.get("sessions")).hasSize(2);
        assertThat(history.at("/sessions/0/status").asText()).isEqualTo("complete");
        assertThat(history.at("/sessions/1/status").asText()).isEqualTo("failed");
        assertThat(history.at("/sessions/1/error/code").asText()).isEqualTo("carrier_unavailable");
    }

    @Test
    void completedLinkIsSingleUse() {
        JsonNode link = handoff.created(READ_THEN_WRITE);
        String code = link.get("claimCode").asText();
        handoff.claim(code);
        handoff.drainQueue();

        APIGatewayV2HTTPResponse again = handoff.claim(code);

        assertThat(again.getStatusCode()).isEqualTo(409);
        assertThat(TestHandoff.json(again).at("/error/code").asText()).isEqualTo("link_completed");
    }

    @Test
    void claimWhileASessionIsActiveIsRefused() {
        JsonNode link = handoff.created(READ_THEN_WRITE);
        String code = link.get("claimCode").asText();
        handoff.claim(code);

        APIGatewayV2HTTPResponse second = handoff.claim(code);

        assertThat(second.getStatusCode()).isEqualTo(409);
        assertThat(TestHandoff.json(second).at("/error/code").asText()).isEqualTo("session_active");
    }

    @Test
    void claimAfterExpiryReturns410EvenThoughNothingSweptIt() {
        JsonNode link = handoff.created(READ_THEN_WRITE);
        handoff.clock.advance(Duration.ofHours(4));

        APIGatewayV2HTTPResponse claim = handoff.claim(link.get("claimCode").asText());

        assertThat(claim.getStatusCode()).isEqualTo(410);
        assertThat(TestHandoff.json(claim).at("/error/code").asText()).isEqualTo("link_expired");
        assertThat(TestHandoff.json(handoff.get(link.get("linkId").asText(), handoff.apiKey)).get("status").asText())
                .isEqualTo("expired");
    }

    @Test
    void claimOneSecondBeforeExpirySucceeds() {
        JsonNode link = handoff.created(READ_THEN_WRITE);
        handoff.clock.advance(Duration.ofHours(4).minusSeconds(1));

        assertThat(handoff.claim(link.get("claimCode").asText()).getStatusCode()).isEqualTo(201);
    }

    @Test
    void anotherTenantsLinkReadsAsNotFound() {
        JsonNode link = handoff.created(READ_THEN_WRITE);

        APIGatewayV2HTTPResponse response = handoff.get(link.get("linkId").asText(), handoff.otherTenantApiKey);

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(TestHandoff.json(response).at("/error/code").asText()).isEqualTo("link_not_found");
        assertThat(handoff.get(link.get("linkId").asText(), handoff.apiKey).getStatusCode()).isEqualTo(200);
    }

    @Test
    void unknownClaimCodeIsNotFoundAndMistypedOneIsMalformed() {
        String code = handoff.created(READ_THEN_WRITE).get("claimCode").asText();
        String mistyped = code.substring(0, 10) + (code.charAt(10) == 'a' ? 'b' : 'a') + code.substring(11);

        assertThat(TestHandoff.json(handoff.claim(mistyped)).at("/error/code").asText()).isEqualTo("malformed_claim_code");
        String unknown = new Secrets().mint(SecretKind.CLAIM_CODE);
        APIGatewayV2HTTPResponse response = handoff.claim(unknown);
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(TestHandoff.json(response).at("/error/code").asText()).isEqualTo("link_not_found");
    }
}
