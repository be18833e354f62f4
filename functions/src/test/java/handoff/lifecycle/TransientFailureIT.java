package handoff.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import handoff.embedded.EmbeddedAws;
import handoff.http.ClaimLinkHandler;
import handoff.http.CreateLinkHandler;
import handoff.testing.Events;
import handoff.testing.TestHandoff;
import handoff.wiring.Wiring;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * When AWS throttles or a queue is unreachable, callers get a 503 with {@code Retry-After} and the
 * link is left in a state they can retry from: nothing half-written, nothing stuck active.
 */
class TransientFailureIT {
    final TestHandoff handoff = new TestHandoff();
    HttpServer throttlingDynamo;

    @AfterEach
    void stop() {
        if (throttlingDynamo != null) throttlingDynamo.stop(0);
    }

    @Test
    void claimWhoseSessionCannotBeQueuedFailsCleanlyAndTheLinkStaysClaimable() {
        JsonNode link = handoff.created(LinkLifecycleScenarios.READ_THEN_WRITE);
        String code = link.get("claimCode").asText();
        String missingQueue = handoff.queueUrl + "-that-does-not-exist";
        ClaimLinkHandler claimWithBrokenQueue = new ClaimLinkHandler(
                new Wiring(handoff.config(missingQueue), handoff.dynamo, handoff.sqs, handoff.clock));

        APIGatewayV2HTTPResponse failed = claimWithBrokenQueue.handleRequest(
                Events.withBody(Events.http("claim-link.json"), TestHandoff.claimCodeBody(code)), null);

        assertThat(failed.getStatusCode()).isEqualTo(503);
        assertThat(failed.getHeaders()).containsKey("Retry-After");
        assertThat(TestHandoff.json(failed).at("/error/code").asText()).isEqualTo("service_unavailable");
        JsonNode afterFailure = TestHandoff.json(handoff.statusByClaimCode(code));
        assertThat(afterFailure.get("status").asText()).isEqualTo("failed");
        assertThat(afterFailure.at("/sessions/0/error/code").asText()).isEqualTo("queue_unavailable");

        assertThat(handoff.claim(code).getStatusCode()).isEqualTo(201);
        handoff.drainQueue();
        assertThat(TestHandoff.json(handoff.statusByClaimCode(code)).get("status").asText()).isEqualTo("complete");
    }

    @Test
    void throttledDynamoDbGives503WithRetryAfterAndNoStackTrace() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        throttlingDynamo = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        throttlingDynamo.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\","
                    + "\"message\":\"Rate of requests exceeds the allowed throughput.\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(400, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        throttlingDynamo.start();
        DynamoDbClient throttled = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + throttlingDynamo.getAddress().getPort()))
                .region(EmbeddedAws.REGION).credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create()).build();
        // An anonymous create: its first DynamoDB call (the rate-limit counter) is already throttled.
        Wiring throttledWiring = new Wiring(handoff.config(handoff.queueUrl), throttled, handoff.sqs, handoff.clock);
        CreateLinkHandler create = new CreateLinkHandler(throttledWiring);

        APIGatewayV2HTTPResponse response = create.handleRequest(Events.withBody(
                Events.http("create-link-anonymous.json"), LinkLifecycleScenarios.READ_THEN_WRITE), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsKey("Retry-After");
        assertThat(response.getBody()).doesNotContain("Throttling").doesNotContain("Exception");
        assertThat(requests.get()).as("the SDK retried before giving up").isGreaterThan(1);
    }
}
