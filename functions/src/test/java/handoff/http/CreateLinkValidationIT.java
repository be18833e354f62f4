package handoff.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import handoff.testing.Events;
import handoff.testing.TestHandoff;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** Bad input to the create endpoint always gets a precise 4xx and writes nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CreateLinkValidationIT {
    TestHandoff handoff;

    @BeforeAll
    void stage() {
        handoff = new TestHandoff();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON           | 400 | malformed_json        | {\"integrationId\": ",
            "JSON array               | 400 | malformed_json        | []",
            "missing integrationId    | 400 | missing_field         | {\"operations\":[{\"resource\":\"account\",\"action\":\"read\"}]}",
            "integrationId as number  | 400 | invalid_field         | {\"integrationId\":7,\"operations\":[{\"resource\":\"account\",\"action\":\"read\"}]}",
            "unknown integration      | 400 | unknown_integration   | {\"integrationId\":\"nokia\",\"operations\":[{\"resource\":\"account\",\"action\":\"read\"}]}",
            "operations not array     | 400 | invalid_field         | {\"integrationId\":\"sandbox\",\"operations\":{}}",
            "no operations            | 400 | invalid_operations    | {\"integrationId\":\"sandbox\",\"operations\":[]}",
            "operation not object     | 400 | invalid_field         | {\"integrationId\":\"sandbox\",\"operations\":[\"read\"]}",
            "operation without action | 400 | missing_field         | {\"integrationId\":\"sandbox\",\"operations\":[{\"resource\":\"account\"}]}",
            "unsupported pair         | 400 | unsupported_operation | {\"integrationId\":\"sandbox\",\"operations\":[{\"resource\":\"account\",\"action\":\"delete\"}]}",
            "arguments not object     | 400 | invalid_field         | {\"integrationId\":\"sandbox\",\"operations\":[{\"resource\":\"account\",\"action\":\"read\",\"arguments\":[1]}]}",
            "javascript returnUrl     | 400 | invalid_return_url    | {\"integrationId\":\"sandbox\",\"operations\":[{\"resource\":\"account\",\"action\":\"read\"}],\"returnUrl\":\"javascript:alert(1)\"}",
            "returnUrl as object      | 400 | invalid_field         | {\"integrationId\":\"sandbox\",\"operations\":[{\"resource\":\"account\",\"action\":\"read\"}],\"returnUrl\":{}}",
            "lifetime over 4 hours    | 400 | invalid_expires_in    | {\"integrationId\":\"sandbox\",\"operations\":[{\"resource\":\"account\",\"action\":\"read\"}],\"expiresInSeconds\":14401}",
            "lifetime as string       | 400 | invalid_field         | {\"integrationId\":\"sandbox\",\"operations\":[{\"resource\":\"account\",\"action\":\"read\"}],\"expiresInSeconds\":\"1h\"}",
            "maxAttempts zero         | 400 | invalid_policies      | {\"integrationId\":\"sandbox\",\"operations\":[{\"resource\":\"account\",\"action\":\"read\"}],\"policies\":{\"maxAttempts\":0}}",
            "unknown field            | 400 | unknown_field         | {\"integrationId\":\"sandbox\",\"operations\":[{\"resource\":\"account\",\"action\":\"read\"}],\"owner\":\"me\"}",
    })
    void badBodyIsRefusedWithAPreciseCode(String caseName, int status, String code, String body) {
        int linksBefore = linkItems();

        APIGatewayV2HTTPResponse response = handoff.create(body);

        assertThat(response.getStatusCode()).isEqualTo(status);
        JsonNode error = TestHandoff.json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("requestId").asText()).isEqualTo("Jk3vAgTLoAMEbxQ=");
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("at handoff.");
        assertThat(linkItems()).isEqualTo(linksBefore);
    }

    @Test
    void elevenOperationsAreTooMany() {
        String eleven = "{\"integrationId\":\"sandbox\",\"operations\":["
                + String.join(",", java.util.Collections.nCopies(11, "{\"resource\":\"account\",\"action\":\"read\"}")) + "]}";

        assertThat(TestHandoff.json(handoff.create(eleven)).at("/error/code").asText()).isEqualTo("invalid_operations");
    }

    @Test
    void oversizedBodyIsRefusedWith413() {
        String huge = "{\"integrationId\":\"" + "x".repeat(ApiRequest.MAX_BODY_BYTES) + "\"}";

        APIGatewayV2HTTPResponse response = handoff.create(huge);

        assertThat(response.getStatusCode()).isEqualTo(413);
        assertThat(TestHandoff.json(response).at("/error/code").asText()).isEqualTo("body_too_large");
    }

    @Test
    void base64EncodedBodyIsDecoded() {
        APIGatewayV2HTTPEvent event = Events.withBearer(Events.http("create-link.json"), handoff.apiKey);
        event.setBody(Base64.getEncoder().encodeToString(event.getBody().getBytes()));
        event.setIsBase64Encoded(true);

        assertThat(handoff.createLink.handleRequest(event, null).getStatusCode()).isEqualTo(201);
    }

    @Test
    void authorizationThatIsNotABearerCredentialIs401NotAnAnonymousCreate() {
        int linksBefore = linkItems();

        APIGatewayV2HTTPResponse response = handoff.createLink.handleRequest(
                Events.withHeader(Events.http("create-link.json"), "authorization", "Basic dXNlcjpwYXNz"), null);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(TestHandoff.json(response).at("/error/code").asText()).isEqualTo("invalid_authorization");
        assertThat(linkItems()).isEqualTo(linksBefore);
    }

    @Test
    void readingALinkWithoutAnApiKeyIs401() {
        APIGatewayV2HTTPResponse response = handoff.linkStatus.handleRequest(
                Events.withBearer(Events.withPathParameter(Events.http("get-link.json"), "linkId", "link_x"), null), null);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(TestHandoff.json(response).at("/error/code").asText()).isEqualTo("missing_api_key");
    }

    @Test
    void mistypedOrRevokedApiKeyIs401() {
        String mistyped = handoff.apiKey.substring(0, handoff.apiKey.length() - 1) + "Q";
        String revoked = handoff.wiring.apiKeys().issue("acme");
        handoff.wiring.apiKeys().revoke(revoked);

        for (String key : new String[] {mistyped, revoked, "not-a-key"}) {
            APIGatewayV2HTTPResponse response = handoff.createLink.handleRequest(
                    Events.withBearer(Events.http("create-link.json"), key), null);
            assertThat(response.getStatusCode()).isEqualTo(401);
            assertThat(TestHandoff.json(response).at("/error/code").asText()).isEqualTo("invalid_api_key");
        }
    }

    @Test
    void nonJsonContentTypeIs415() {
        APIGatewayV2HTTPEvent event = Events.withHeader(Events.withBearer(Events.http("create-link.json"), handoff.apiKey),
                "content-type", "text/plain");

        assertThat(handoff.createLink.handleRequest(event, null).getStatusCode()).isEqualTo(415);
    }

    @Test
    void claimWithWrongTypedOrMissingClaimCodeIs400() {
        assertThat(TestHandoff.json(handoff.claimLink.handleRequest(
                Events.withBody(Events.http("claim-link.json"), "{\"claimCode\":42}"), null)).at("/error/code").asText())
                .isEqualTo("invalid_field");
        assertThat(TestHandoff.json(handoff.claimLink.handleRequest(
                Events.withBody(Events.http("claim-link.json"), "{}"), null)).at("/error/code").asText())
                .isEqualTo("missing_field");
        assertThat(handoff.claimLink.handleRequest(Events.withBody(Events.http("claim-link.json"), null), null)
                .getStatusCode()).isEqualTo(400);
    }

    private int linkItems() {
        ScanResponse scan = handoff.dynamo.scan(s -> s.tableName(handoff.table)
                .filterExpression("begins_with(PK, :link)")
                .expressionAttributeValues(java.util.Map.of(":link",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("LINK#"))));
        return scan.count();
    }
}
