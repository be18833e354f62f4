package handoff.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent-to-human handoff as a person does it, in real headless Chromium against the local runner:
 * open the claim URL signed out, sign in through the dev identity page, come back, get redirected to the
 * dashboard as the owner; open the URL again and see the already-claimed page. Screenshots of every
 * page land in {@code local/target/screenshots/}.
 */
class ClaimPageBrowserIT {
    /** Debian's Chromium; no tool may download a browser of its own here. {@code .ci/run} installs it. */
    static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("HANDOFF_CHROMIUM", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    static final ObjectMapper JSON = new ObjectMapper();

    static LocalRunner.Running runner;
    static Playwright playwright;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        assertThat(CHROMIUM).as("Chromium is needed: apt-get install -y chromium").isExecutable();
        Files.createDirectories(SCREENSHOTS);
        runner = LocalRunner.start(Options.defaults().withPort(0));
        playwright = Playwright.create();
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-sync")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
        if (runner != null) runner.close();
    }

    @Test
    void signedOutVisitorSignsInLandsOnTheDashboardAsOwnerAndASecondVisitSeesAlreadyClaimed() throws Exception {
        JsonNode link = createAnonymousLink();
        String claimUrl = link.get("claimUrl").asText();
        String linkId = link.get("linkId").asText();
        Page page = browser.newContext().newPage();

        Response signedOut = page.navigate(claimUrl);
        assertThat(signedOut.status()).isEqualTo(200);
        assertThat(page.title()).contains("Sign in to claim this link");
        assertThat(signedOut.headers()).containsEntry("referrer-policy", "no-referrer");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("1-claim-signed-out.png")));

        page.click("a.button.primary:has-text(\"Sign in\")");
        page.waitForURL(runner.baseUrl() + "/_local/sign-in?**");
        assertThat(page.url()).contains("redirect_url=" + java.net.URLEncoder.encode(claimUrl, java.nio.charset.StandardCharsets.UTF_8));
        page.fill("#sub", "user_ada");
        page.fill("#orgId", "org_lovelace");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("2-dev-sign-in.png")));
        page.click("button[type=submit]");

        page.waitForURL(runner.baseUrl() + "/app/dashboard/links/" + linkId);
        assertThat(page.textContent("#link-id")).isEqualTo(linkId);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("3-dashboard-after-claim.png")));
        assertThat(ownedLinkIds("user_ada", "org_lovelace")).contains(linkId);

        Response again = page.navigate(claimUrl);
        assertThat(again.status()).isEqualTo(409);
        assertThat(page.textContent("h1")).isEqualTo("This link has already been claimed");
        assertThat(page.getAttribute("a.button", "href")).endsWith("/dashboard/links/" + linkId);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("4-already-claimed.png")));
    }

    @Test
    void unknownClaimUrlShowsTheNotFoundPage() {
        Page page = browser.newContext().newPage();

        Response response = page.navigate(runner.baseUrl() + "/claim/hndt_not-a-real-token");

        assertThat(response.status()).isEqualTo(404);
        assertThat(page.textContent("h1")).isEqualTo("We could not find this claim link");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("5-not-found.png")));
    }

    private static JsonNode createAnonymousLink() throws Exception {
        return post("/v1/links", "{\"integrationId\":\"sandbox\",\"operations\":[{\"resource\":\"account\",\"action\":\"read\"}]}", null);
    }

    private static List<String> ownedLinkIds(String user, String org) throws Exception {
        String token = post("/_local/token", JSON.createObjectNode().put("sub", user).put("orgId", org).toString(), null)
                .get("token").asText();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(runner.baseUrl() + "/v1/me/links")).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).get("links").findValuesAsText("linkId");
    }

    private static JsonNode post(String path, String body, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(runner.baseUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        return JSON.readTree(HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
