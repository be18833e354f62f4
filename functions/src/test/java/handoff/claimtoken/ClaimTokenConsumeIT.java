package handoff.claimtoken;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import handoff.core.secret.SecretKind;
import handoff.core.secret.Secrets;
import handoff.testing.Race;
import handoff.testing.TestHandoff;
import handoff.testing.TestIssuer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Consuming a claim token: ownership moves exactly once, and every failure mode has its own answer. */
class ClaimTokenConsumeIT {
    final TestHandoff handoff = new TestHandoff();
    final TestIssuer issuer = TestIssuer.get();

    @Test
    void consumeBySignedInUserMakesTheUserTheOwner() {
        JsonNode link = handoff.createdAnonymous();

        APIGatewayV2HTTPResponse response = handoff.consume(link.get("claimToken").asText(), issuer.token("user_ada", null));

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode body = TestHandoff.json(response);
        assertThat(body.get("linkId").asText()).isEqualTo(link.get("linkId").asText());
        assertThat(body.at("/owner/type").asText()).isEqualTo("user");
        assertThat(body.at("/owner/id").asText()).isEqualTo("user_ada");
        assertThat(body.get("dashboardUrl").asText())
                .isEqualTo(TestHandoff.APP_BASE_URL + "/dashboard/links/" + link.get("linkId").asText());
        assertThat(ownerOf(link)).isEqualTo("user:user_ada");
    }

    @Test
    void theClientSdkStatusReadDoesNotRevealTheOwner() {
        JsonNode link = handoff.createdAnonymous();
        handoff.consume(link.get("claimToken").asText(), issuer.token("user_ada", null));

        JsonNode status = TestHandoff.json(handoff.statusByClaimCode(link.get("claimCode").asText()));

        assertThat(status.has("owner")).isFalse();
        assertThat(status.toString()).doesNotContain("user_ada");
    }

    @Test
    void consumeWithAnActiveOrganizationMakesTheOrganizationTheOwner() {
        JsonNode link = handoff.createdAnonymous();

        APIGatewayV2HTTPResponse response = handoff.consume(link.get("claimToken").asText(),
                issuer.token("user_ada", "org_analytical"));

        assertThat(TestHandoff.json(response).at("/owner/type").asText()).isEqualTo("organization");
        assertThat(ownerOf(link)).isEqualTo("organization:org_analytical");
    }

    @Test
    void secondConsumeIsAlreadyClaimedAndKeepsTheFirstOwner() {
        JsonNode link = handoff.createdAnonymous();
        String token = link.get("claimToken").asText();
        handoff.consume(token, issuer.token("user_ada", null));

        APIGatewayV2HTTPResponse second = handoff.consume(token, issuer.token("user_grace", null));

        assertThat(second.getStatusCode()).isEqualTo(409);
        assertThat(TestHandoff.json(second).at("/error/code").asText()).isEqualTo("already_claimed");
        assertThat(ownerOf(link)).isEqualTo("user:user_ada");
    }

    @Test
    void consumeAfterTheWindowIsExpiredAndTheLinkStaysReadable() {
        JsonNode link = handoff.createdAnonymous();
        handoff.clock.advance(Duration.ofDays(30));

        APIGatewayV2HTTPResponse response = handoff.consume(link.get("claimToken").asText(), issuer.token("user_ada", null));

        assertThat(response.getStatusCode()).isEqualTo(410);
        assertThat(TestHandoff.json(response).at("/error/code").asText()).isEqualTo("claim_token_expired");
        APIGatewayV2HTTPResponse status = handoff.statusByClaimCode(link.get("claimCode").asText());
        assertThat(status.getStatusCode()).isEqualTo(200);
        assertThat(TestHandoff.json(status).get("linkId").asText()).isEqualTo(link.get("linkId").asText());
        assertThat(ownerOf(link)).isEqualTo("none");
    }

    @Test
    void consumeOneMinuteBeforeTheWindowClosesSucceeds() {
        JsonNode link = handoff.createdAnonymous();
        handoff.clock.advance(Duration.ofDays(30).minusMinutes(1));

        assertThat(handoff.consume(link.get("claimToken").asText(), issuer.token("user_ada", null)).getStatusCode())
                .isEqualTo(200);
    }

    @Test
    void orphanTokenWhoseLinkIsGoneIsNotFound() {
        JsonNode link = handoff.createdAnonymous();
        handoff.dynamo.deleteItem(d -> d.tableName(handoff.table).key(Map.of(
                "PK", AttributeValue.fromS("LINK#" + link.get("linkId").asText()), "SK", AttributeValue.fromS("LINK"))));

        APIGatewayV2HTTPResponse response = handoff.consume(link.get("claimToken").asText(), issuer.token("user_ada", null));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(TestHandoff.json(response).at("/error/code").asText()).isEqualTo("claim_token_not_found");
    }

    @Test
    void unknownWellFormedTokenIsNotFoundAndMistypedOneIsMalformed() {
        String unknown = new Secrets().mint(SecretKind.CLAIM_TOKEN);
        String token = handoff.createdAnonymous().get("claimToken").asText();
        String mistyped = token.substring(0, token.length() - 2) + "zz";

        assertThat(TestHandoff.json(handoff.consume(unknown, issuer.token("u", null))).at("/error/code").asText())
                .isEqualTo("claim_token_not_found");
        APIGatewayV2HTTPResponse malformed = handoff.consume(mistyped, issuer.token("u", null));
        assertThat(malformed.getStatusCode()).isEqualTo(400);
        assertThat(TestHandoff.json(malformed).at("/error/code").asText()).isEqualTo("malformed_claim_token");
    }

    @Test
    void linkThatAlreadyHasAnOwnerIsNotTransferred() {
        JsonNode link = handoff.createdAnonymous();
        setOwner(link, "user", "user_first");

        APIGatewayV2HTTPResponse response = handoff.consume(link.get("claimToken").asText(), issuer.token("user_ada", null));

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(TestHandoff.json(response).at("/error/code").asText()).isEqualTo("already_owned");
        assertThat(ownerOf(link)).isEqualTo("user:user_first");
    }

    @Test
    void consumeWithoutSigningInIs401() {
        JsonNode link = handoff.createdAnonymous();

        APIGatewayV2HTTPResponse response = handoff.consume(link.get("claimToken").asText(), null);

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(TestHandoff.json(response).at("/error/code").asText()).isEqualTo("not_signed_in");
        assertThat(ownerOf(link)).isEqualTo("none");
    }

    @Test
    void sixtyFourConcurrentConsumersProduceExactlyOneWinner() throws Exception {
        JsonNode link = handoff.createdAnonymous();
        String token = link.get("claimToken").asText();
        List<String> idTokens = java.util.stream.IntStream.range(0, 64)
                .mapToObj(i -> issuer.token("user_" + i, null)).toList();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

        List<APIGatewayV2HTTPResponse> responses = Race.race(64,
                () -> handoff.consume(token, idTokens.get(next.getAndIncrement())));

        Map<Integer, Long> byStatus = responses.stream()
                .collect(Collectors.groupingBy(APIGatewayV2HTTPResponse::getStatusCode, Collectors.counting()));
        assertThat(byStatus).containsEntry(200, 1L).containsEntry(409, 63L).hasSize(2);
        assertThat(responses.stream().filter(r -> r.getStatusCode() == 409)
                .map(r -> TestHandoff.json(r).at("/error/code").asText()).distinct()).containsExactly("already_claimed");
        String winner = responses.stream().filter(r -> r.getStatusCode() == 200).findFirst()
                .map(r -> TestHandoff.json(r).at("/owner/id").asText()).orElseThrow();
        assertThat(ownerOf(link)).isEqualTo("user:" + winner);
    }

    private String ownerOf(JsonNode link) {
        Map<String, AttributeValue> item = linkItem(link);
        return item.containsKey("ownerKind") ? item.get("ownerKind").s() + ":" + item.get("ownerId").s() : "none";
    }

    private Map<String, AttributeValue> linkItem(JsonNode link) {
        return handoff.dynamo.getItem(g -> g.tableName(handoff.table).key(Map.of(
                "PK", AttributeValue.fromS("LINK#" + link.get("linkId").asText()),
                "SK", AttributeValue.fromS("LINK")))).item();
    }

    private void setOwner(JsonNode link, String kind, String id) {
        handoff.dynamo.updateItem(u -> u.tableName(handoff.table).key(Map.of(
                        "PK", AttributeValue.fromS("LINK#" + link.get("linkId").asText()), "SK", AttributeValue.fromS("LINK")))
                .updateExpression("SET ownerKind = :k, ownerId = :i")
                .expressionAttributeValues(Map.of(":k", AttributeValue.fromS(kind), ":i", AttributeValue.fromS(id))));
    }
}
