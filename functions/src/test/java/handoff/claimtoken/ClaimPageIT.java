package handoff.claimtoken;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import handoff.testing.TestHandoff;
import handoff.testing.TestIssuer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The hosted page behind claim URLs: one visit while signed in binds the link; every failure has its page. */
class ClaimPageIT {
    final TestHandoff handoff = new TestHandoff();
    final TestIssuer issuer = TestIssuer.get();
    final JsonNode link = handoff.createdAnonymous();
    final String token = link.get("claimToken").asText();

    @Test
    void signedOutVisitorGetsSignInAndSignUpThatComeBackToThisUrl() {
        APIGatewayV2HTTPResponse page = handoff.claimPage(token, null);

        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getHeaders().get("Content-Type")).startsWith("text/html");
        String back = URLEncoder.encode(TestHandoff.PUBLIC_BASE_URL + "/claim/" + token, StandardCharsets.UTF_8);
        assertThat(page.getBody()).contains("Sign in").contains("Sign up")
                .contains("href=\"https://auth.handoff.test/sign-in?redirect_url=" + back + "\"")
                .contains("href=\"https://auth.handoff.test/sign-up?redirect_url=" + back + "\"");
        assertThat(handoff.consume(token, issuer.token("later", null)).getStatusCode())
                .as("viewing signed out consumed nothing").isEqualTo(200);
    }

    @Test
    void signedInVisitorIsRedirectedToTheDashboardAsTheNewOwner() {
        APIGatewayV2HTTPResponse page = handoff.claimPage(token, issuer.token("user_ada", "org_lovelace"));

        assertThat(page.getStatusCode()).isEqualTo(303);
        assertThat(page.getHeaders().get("Location"))
                .isEqualTo(TestHandoff.APP_BASE_URL + "/dashboard/links/" + link.get("linkId").asText());
        assertThat(page.getHeaders().get("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void secondVisitShowsTheAlreadyClaimedPageLinkingToTheLink() {
        handoff.claimPage(token, issuer.token("user_ada", null));

        APIGatewayV2HTTPResponse page = handoff.claimPage(token, issuer.token("user_grace", null));

        assertThat(page.getStatusCode()).isEqualTo(409);
        assertThat(page.getBody()).contains("already been claimed")
                .contains("href=\"" + TestHandoff.APP_BASE_URL + "/dashboard/links/" + link.get("linkId").asText() + "\"");
    }

    @Test
    void expiredTokenShowsTheExpiredPage() {
        handoff.clock.advance(Duration.ofDays(31));

        APIGatewayV2HTTPResponse page = handoff.claimPage(token, issuer.token("user_ada", null));

        assertThat(page.getStatusCode()).isEqualTo(410);
        assertThat(page.getBody()).contains("expired").contains("keeps working");
    }

    @Test
    void unknownOrMistypedTokenShowsTheNotFoundPage() {
        String mistyped = token.substring(0, token.length() - 1) + (token.endsWith("a") ? "b" : "a");

        APIGatewayV2HTTPResponse page = handoff.claimPage(mistyped, issuer.token("user_ada", null));

        assertThat(page.getStatusCode()).isEqualTo(404);
        assertThat(page.getBody()).contains("could not find").contains("safe to try again");
    }

    @Test
    void everyPageForbidsReferrersCachingFramingAndScripts() {
        for (APIGatewayV2HTTPResponse page : new APIGatewayV2HTTPResponse[] {
                handoff.claimPage(token, null), handoff.claimPage("hndt_nonsense", null)}) {
            assertThat(page.getHeaders())
                    .containsEntry("Referrer-Policy", "no-referrer")
                    .containsEntry("Cache-Control", "no-store")
                    .containsEntry("X-Frame-Options", "DENY");
            assertThat(page.getHeaders().get("Content-Security-Policy"))
                    .contains("default-src 'none'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
            assertThat(page.getBody()).doesNotContain("<script");
        }
    }

    @Test
    void aForgedSessionCookieCountsAsSignedOut() {
        APIGatewayV2HTTPResponse page = handoff.claimPage(token, "forged.cookie.value");

        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getBody()).contains("Sign in");
    }
}
