package handoff.sweeper;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import handoff.testing.TestHandoff;
import handoff.testing.TestIssuer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The sweeper racing the other writers, many times on real threads against DynamoDB Local. Whoever wins,
 * the link and its sessions always tell one consistent story.
 */
class SweeperRaceIT {
    static final int ROUNDS = 20;
    static final String ONE_STEP = """
            {"integrationId":"sandbox","operations":[{"resource":"account","action":"read"}]}""";

    final TestHandoff handoff = new TestHandoff();
    final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void sweeperVersusReclaimOfALinkWhoseSessionTimedOut() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            JsonNode link = handoff.created(ONE_STEP);
            String code = link.get("claimCode").asText();
            handoff.claim(code);
            handoff.sqs.purgeQueue(p -> p.queueUrl(handoff.queueUrl));
            handoff.clock.advance(handoff.wiring.config().sessionDeadline());

            List<Object> results = together(handoff::sweep, () -> handoff.claim(code));

            int claimStatus = ((APIGatewayV2HTTPResponse) results.get(1)).getStatusCode();
            assertThat(claimStatus).isIn(201, 409);
            JsonNode history = consistentHistory(link);
            assertThat(history.at("/sessions/" + (history.get("sessions").size() - 1) + "/error/code").asText())
                    .isEqualTo("session_timeout");
            assertThat(history.get("status").asText()).isEqualTo(claimStatus == 201 ? "active" : "failed");
        }
    }

    @Test
    void sweeperVersusWorkerCompletingAtTheDeadline() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            JsonNode link = handoff.created(ONE_STEP);
            handoff.claim(link.get("claimCode").asText());
            List<Message> delivery = handoff.receive();
            handoff.clock.advance(handoff.wiring.config().sessionDeadline());

            together(handoff::sweep, () -> handoff.deliver(delivery));

            JsonNode history = consistentHistory(link);
            assertThat(history.get("status").asText()).isIn("complete", "failed");
            assertThat(history.at("/sessions/0/status").asText()).isEqualTo(history.get("status").asText());
        }
    }

    @Test
    void sweeperVersusClaimAtTheExpiryInstant() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            JsonNode link = handoff.created("""
                    {"integrationId":"sandbox","expiresInSeconds":60,"operations":[{"resource":"account","action":"read"}]}""");
            handoff.clock.advance(java.time.Duration.ofSeconds(60));

            List<Object> results = together(handoff::sweep, () -> handoff.claim(link.get("claimCode").asText()));

            assertThat(((APIGatewayV2HTTPResponse) results.get(1)).getStatusCode()).isEqualTo(410);
            JsonNode history = consistentHistory(link);
            assertThat(history.get("status").asText()).isEqualTo("expired");
            assertThat(history.get("sessions")).isEmpty();
        }
    }

    @Test
    void sweeperVersusConsumeOfAnExpiredAnonymousLink() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            JsonNode link = handoff.createdAnonymous();
            handoff.clock.advance(java.time.Duration.ofHours(4));
            String idToken = TestIssuer.get().token("user_" + round, null);

            List<Object> results = together(handoff::sweep,
                    () -> handoff.consume(link.get("claimToken").asText(), idToken));

            assertThat(((APIGatewayV2HTTPResponse) results.get(1)).getStatusCode()).isEqualTo(200);
            var item = handoff.dynamo.getItem(g -> g.tableName(handoff.table).key(java.util.Map.of(
                    "PK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("LINK#" + link.get("linkId").asText()),
                    "SK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("LINK")))).item();
            assertThat(item.get("status").s()).isEqualTo("expired");
            assertThat(item.get("ownerId").s()).isEqualTo("user_" + round);
        }
    }

    /** The link's status agrees with its sessions: the invariant every race must keep. */
    private JsonNode consistentHistory(JsonNode link) {
        JsonNode history = TestHandoff.json(handoff.get(link.get("linkId").asText(), handoff.apiKey));
        JsonNode sessions = history.get("sessions");
        long active = 0;
        for (JsonNode s : sessions) if (s.get("status").asText().equals("active")) active++;
        assertThat(history.get("attempts").asInt()).isEqualTo(sessions.size());
        switch (history.get("status").asText()) {
            case "active" -> {
                assertThat(active).isEqualTo(1);
                assertThat(sessions.get(0).get("status").asText()).isEqualTo("active");
            }
            case "complete" -> {
                assertThat(active).isZero();
                assertThat(sessions.get(0).get("status").asText()).isEqualTo("complete");
                assertThat(history.has("result")).isTrue();
            }
            case "failed" -> {
                assertThat(active).isZero();
                assertThat(sessions.get(0).get("status").asText()).isEqualTo("failed");
            }
            default -> assertThat(active).isZero();
        }
        return history;
    }

    /** Runs both calls released at the same instant; returns their results in order. */
    private List<Object> together(Callable<?> first, Callable<?> second) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (Callable<?> call : List.of(first, second)) {
            futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<Object> results = new ArrayList<>();
        for (Future<?> f : futures) results.add(f.get());
        return results;
    }
}
