package handoff.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner as a new user meets it: over real HTTP on localhost, the README's tour reaches complete. */
class LocalRunnerIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String CREATE = """
            {"integrationId":"sandbox","returnUrl":"https://example.com/done",
             "operations":[{"resource":"account","action":"read"},{"resource":"payment_methods","action":"read"}]}""";

    @TempDir
    Path temp;

    @Test
    void createClaimAndPollReachesCompleteWithTheSandboxResults() throws Exception {
        Path info = temp.resolve("info.json");
        try (LocalRunner.Running runner = LocalRunner.start(Options.defaults().withPort(0).withInfoFile(info))) {
            JsonNode written = JSON.readTree(Files.readString(info));
            assertThat(written.get("baseUrl").asText()).isEqualTo(runner.baseUrl());
            assertThat(written.get("apiKey").asText()).isEqualTo(runner.apiKey()).startsWith("hndk_");
            assertThat(written.get("tokenUrl").asText()).isEqualTo(runner.baseUrl() + "/_local/token");

            JsonNode link = send(runner, "POST", "/v1/links", CREATE, runner.apiKey(), 201);
            String code = link.get("claimCode").asText();
            send(runner, "POST", "/link/claim", "{\"claimCode\":\"" + code + "\"}", null, 201);
            JsonNode status = pollUntilFinished(runner, code);

            assertThat(status.get("status").asText()).isEqualTo("complete");
            assertThat(status.at("/result/0/accountId").asText()).startsWith("acct_");
            assertThat(status.at("/result/1/paymentMethods/0/last4").asText()).isEqualTo("4242");
        }
        assertThat(info).as("the info file goes away with the runner").doesNotExist();
    }

    @Test
    void unknownRouteAndWrongMethodAnswerWithTheDocumentedErrorBody() throws Exception {
        try (LocalRunner.Running runner = LocalRunner.start(Options.defaults().withPort(0))) {
            assertThat(send(runner, "GET", "/v2/nothing", null, null, 404).at("/error/code").asText())
                    .isEqualTo("route_not_found");
            assertThat(send(runner, "DELETE", "/v1/links", null, null, 405).at("/error/code").asText())
                    .isEqualTo("method_not_allowed");
        }
    }

    @Test
    void dataDirKeepsLinksAcrossRestarts() throws Exception {
        Path data = temp.resolve("data");
        String linkId;
        try (LocalRunner.Running first = LocalRunner.start(Options.defaults().withPort(0).withDataDir(data))) {
            linkId = send(first, "POST", "/v1/links", CREATE, first.apiKey(), 201).get("linkId").asText();
        }
        try (LocalRunner.Running second = LocalRunner.start(Options.defaults().withPort(0).withDataDir(data))) {
            JsonNode again = send(second, "GET", "/v1/links/" + linkId, null, second.apiKey(), 200);
            assertThat(again.get("status").asText()).isEqualTo("pending");
        }
    }

    private static JsonNode pollUntilFinished(LocalRunner.Running runner, String code) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode status;
        do {
            Thread.sleep(200);
            status = send(runner, "POST", "/link/status", "{\"claimCode\":\"" + code + "\"}", null, 200);
        } while (status.get("status").asText().equals("active") && System.nanoTime() < deadline);
        return status;
    }

    static JsonNode send(LocalRunner.Running runner, String method, String path, String body, String bearer,
                         int expectedStatus) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runner.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) request.header("Content-Type", "application/json");
        if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }
}
