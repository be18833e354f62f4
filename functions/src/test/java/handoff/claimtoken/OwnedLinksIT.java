package handoff.claimtoken;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import handoff.testing.TestHandoff;
import handoff.testing.TestIssuer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/me/links}: what a human, or their active organization, owns — newest first, paged. */
class OwnedLinksIT {
    final TestHandoff handoff = new TestHandoff();
    final TestIssuer issuer = TestIssuer.get();

    @Test
    void userSeesTheirLinksNewestFirstAndTheOrganizationSeesItsOwn() {
        String first = claim(issuer.token("user_ada", null));
        handoff.clock.advance(Duration.ofMinutes(1));
        String second = claim(issuer.token("user_ada", null));
        String orgLink = claim(issuer.token("user_ada", "org_lovelace"));

        JsonNode mine = TestHandoff.json(handoff.myLinks(issuer.token("user_ada", null), Map.of()));
        JsonNode org = TestHandoff.json(handoff.myLinks(issuer.token("user_grace", "org_lovelace"), Map.of()));

        assertThat(ids(mine)).containsExactly(second, first);
        assertThat(ids(org)).containsExactly(orgLink);
        assertThat(mine.has("nextCursor")).isFalse();
    }

    @Test
    void pagesFollowTheCursorToTheEnd() {
        List<String> claimed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            claimed.add(0, claim(issuer.token("user_bob", null)));
            handoff.clock.advance(Duration.ofSeconds(1));
        }
        String idToken = issuer.token("user_bob", null);

        List<String> seen = new ArrayList<>();
        JsonNode page = TestHandoff.json(handoff.myLinks(idToken, Map.of("limit", "2")));
        seen.addAll(ids(page));
        while (page.has("nextCursor")) {
            page = TestHandoff.json(handoff.myLinks(idToken, Map.of("limit", "2", "cursor", page.get("nextCursor").asText())));
            seen.addAll(ids(page));
        }

        assertThat(seen).containsExactlyElementsOf(claimed);
    }

    @Test
    void aCursorFromSomeoneElsesListingIsRefused() {
        claim(issuer.token("user_bob", null));
        claim(issuer.token("user_bob", null));
        String cursor = TestHandoff.json(handoff.myLinks(issuer.token("user_bob", null), Map.of("limit", "1")))
                .get("nextCursor").asText();

        APIGatewayV2HTTPResponse response = handoff.myLinks(issuer.token("user_eve", null), Map.of("cursor", cursor));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(TestHandoff.json(response).at("/error/code").asText()).isEqualTo("invalid_cursor");
    }

    @Test
    void badLimitOrGarbageCursorIs400AndNoIdentityIs401() {
        String idToken = issuer.token("user_bob", null);

        assertThat(handoff.myLinks(idToken, Map.of("limit", "1000")).getStatusCode()).isEqualTo(400);
        assertThat(handoff.myLinks(idToken, Map.of("limit", "ten")).getStatusCode()).isEqualTo(400);
        assertThat(handoff.myLinks(idToken, Map.of("cursor", "%%%")).getStatusCode()).isEqualTo(400);
        assertThat(handoff.myLinks(null, Map.of()).getStatusCode()).isEqualTo(401);
    }

    private String claim(String idToken) {
        JsonNode link = handoff.createdAnonymous();
        assertThat(handoff.consume(link.get("claimToken").asText(), idToken).getStatusCode()).isEqualTo(200);
        return link.get("linkId").asText();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("links").forEach(l -> ids.add(l.get("linkId").asText()));
        return ids;
    }
}
