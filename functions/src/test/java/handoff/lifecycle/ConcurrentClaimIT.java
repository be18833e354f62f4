package handoff.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import handoff.testing.Race;
import handoff.testing.TestHandoff;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Claims racing on one link: DynamoDB's conditional transaction lets exactly one start a session. */
class ConcurrentClaimIT {
    static final int CLAIMERS = 32;

    final TestHandoff handoff = new TestHandoff();

    @Test
    void concurrentClaimsCreateExactlyOneSession() throws Exception {
        JsonNode link = handoff.created(LinkLifecycleScenarios.READ_THEN_WRITE);
        String code = link.get("claimCode").asText();

        List<APIGatewayV2HTTPResponse> responses = Race.race(CLAIMERS, () -> handoff.claim(code));

        Map<Integer, Long> byStatus = responses.stream()
                .collect(Collectors.groupingBy(APIGatewayV2HTTPResponse::getStatusCode, Collectors.counting()));
        assertThat(byStatus).containsEntry(201, 1L).containsEntry(409, (long) CLAIMERS - 1).hasSize(2);
        assertThat(responses.stream().filter(r -> r.getStatusCode() == 409)
                .map(r -> TestHandoff.json(r).at("/error/code").asText()).distinct()).containsExactly("session_active");
        JsonNode history = TestHandoff.json(handoff.get(link.get("linkId").asText(), handoff.apiKey));
        assertThat(history.get("sessions")).hasSize(1);
        assertThat(history.get("attempts").asInt()).isEqualTo(1);
        assertThat(handoff.receive()).hasSize(1);
    }

    @Test
    void concurrentReclaimsOfAFailedLinkCreateExactlyOneNewSession() throws Exception {
        JsonNode link = handoff.created(LinkLifecycleScenarios.FLAKY_ON_FIRST_ATTEMPT);
        String code = link.get("claimCode").asText();
        handoff.claim(code);
        handoff.drainQueue();

        List<APIGatewayV2HTTPResponse> responses = Race.race(CLAIMERS, () -> handoff.claim(code));

        assertThat(responses).filteredOn(r -> r.getStatusCode() == 201).hasSize(1);
        assertThat(responses).allMatch(r -> r.getStatusCode() == 201 || r.getStatusCode() == 409);
        JsonNode history = TestHandoff.json(handoff.get(link.get("linkId").asText(), handoff.apiKey));
        assertThat(history.get("sessions")).hasSize(2);
    }
}
