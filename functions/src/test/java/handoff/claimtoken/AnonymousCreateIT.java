package handoff.claimtoken;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import handoff.testing.TestHandoff;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Agents create links without credentials and get the claim token exactly once. */
class AnonymousCreateIT {
    final TestHandoff handoff = new TestHandoff();

    @Test
    void anonymousCreateReturnsClaimTokenUrlWindowAndWarning() {
        JsonNode link = handoff.createdAnonymous();

        String token = link.get("claimToken").asText();
        assertThat(token).startsWith("hndt_");
        assertThat(link.get("claimUrl").asText()).isEqualTo(TestHandoff.PUBLIC_BASE_URL + "/claim/" + token);
        assertThat(Instant.parse(link.get("claimExpiresAt").asText())).isEqualTo(TestHandoff.START.plus(Duration.ofDays(30)));
        assertThat(link.get("warning").asText()).contains("shown once").contains("secret store");
        assertThat(link.get("claimCode").asText()).startsWith("hndc_");
        assertThat(link.has("owner")).isFalse();
    }

    @Test
    void theClaimTokenIsNeverShownAgainByAnyRead() {
        JsonNode link = handoff.createdAnonymous();

        String status = handoff.statusByClaimCode(link.get("claimCode").asText()).getBody();

        assertThat(status).doesNotContain(link.get("claimToken").asText()).doesNotContain("claimToken");
    }

    @Test
    void theRawTokenAndClaimCodeAppearNowhereInTheTable() {
        JsonNode link = handoff.createdAnonymous();
        String token = link.get("claimToken").asText();
        String code = link.get("claimCode").asText();

        var everything = handoff.dynamo.scan(s -> s.tableName(handoff.table)).items();

        assertThat(everything).isNotEmpty();
        assertThat(everything.toString()).doesNotContain(token).doesNotContain(code)
                .doesNotContain(token.substring(5, 25)).doesNotContain(handoff.apiKey);
    }

    @Test
    void anonymousLinksCarryNoTtlButTheirLookupsDo() {
        JsonNode link = handoff.createdAnonymous();

        var linkItem = handoff.dynamo.getItem(g -> g.tableName(handoff.table).key(java.util.Map.of(
                "PK", AttributeValue.fromS("LINK#" + link.get("linkId").asText()), "SK", AttributeValue.fromS("LINK")))).item();
        var lookups = handoff.dynamo.scan(s -> s.tableName(handoff.table)
                .filterExpression("begins_with(PK, :t) OR begins_with(PK, :c)")
                .expressionAttributeValues(java.util.Map.of(":t", AttributeValue.fromS("CLAIMTOKEN#"),
                        ":c", AttributeValue.fromS("CLAIMCODE#")))).items();

        assertThat(linkItem).doesNotContainKey("ttl");
        assertThat(lookups).hasSize(2).allMatch(item -> item.containsKey("ttl"));
    }

    @Test
    void anonymousCreationIsRateLimitedPerSourceAddress() {
        for (int i = 0; i < TestHandoff.ANONYMOUS_CREATES_PER_HOUR; i++) {
            assertThat(handoff.createAnonymous(null, "192.0.2.10").getStatusCode()).isEqualTo(201);
        }

        APIGatewayV2HTTPResponse limited = handoff.createAnonymous(null, "192.0.2.10");

        assertThat(limited.getStatusCode()).isEqualTo(429);
        assertThat(TestHandoff.json(limited).at("/error/code").asText()).isEqualTo("rate_limited");
        assertThat(Long.parseLong(limited.getHeaders().get("Retry-After"))).isBetween(1L, 3600L);
        assertThat(handoff.createAnonymous(null, "192.0.2.11").getStatusCode()).isEqualTo(201);
        handoff.clock.advance(Duration.ofHours(1));
        assertThat(handoff.createAnonymous(null, "192.0.2.10").getStatusCode()).isEqualTo(201);
    }

    @Test
    void anonymousBadInputIsRefusedBeforeItCountsAgainstTheLimit() {
        APIGatewayV2HTTPResponse response = handoff.createAnonymous("{\"integrationId\":\"nokia\",\"operations\":[]}", "192.0.2.20");

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(handoff.dynamo.scan(s -> s.tableName(handoff.table)).items().toString()).doesNotContain("RATE#");
    }
}
