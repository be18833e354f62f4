package handoff.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import handoff.embedded.DevOidcIssuer;
import handoff.wiring.Config;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The local stand-ins for the identity provider and the product's web app, so the agent-to-human flow
 * runs with no external service: the dev issuer's JWKS, a sign-in page that lets you pick a user and
 * organization and sets the session cookie, a token endpoint for API clients, and a dashboard page
 * for the post-claim redirect. Tokens are signed and verified exactly as in production.
 */
final class DevIdentity {
    static final String SESSION_COOKIE = "__session";
    static final String SIGN_IN_PATH = "/_local/sign-in";
    static final String TOKEN_PATH = "/_local/token";
    static final String APP_PATH = "/app";
    static final Duration TOKEN_LIFETIME = Duration.ofHours(8);

    private final DevOidcIssuer issuer;
    private final String baseUrl;
    private final ObjectMapper json = new ObjectMapper();

    DevIdentity(String baseUrl) {
        this.baseUrl = baseUrl;
        this.issuer = new DevOidcIssuer(baseUrl);
    }

    /** How the functions are configured to trust this issuer. */
    Config.Oidc oidcConfig() {
        return new Config.Oidc(issuer.issuer(), DevOidcIssuer.AUDIENCE, baseUrl + DevOidcIssuer.JWKS_PATH,
                DevOidcIssuer.ORGANIZATION_CLAIM, SESSION_COOKIE, baseUrl + SIGN_IN_PATH,
                baseUrl + SIGN_IN_PATH + "?mode=sign-up");
    }

    String appBaseUrl() {
        return baseUrl + APP_PATH;
    }

    String tokenUrl() {
        return baseUrl + TOKEN_PATH;
    }

    List<LocalRoute> routes() {
        return List.of(
                new LocalRoute("/.well-known/", this::jwks),
                new LocalRoute("/_local/", this::local),
                new LocalRoute(APP_PATH + "/", this::dashboard));
    }

    private void jwks(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(DevOidcIssuer.JWKS_PATH)) {
            send(exchange, 404, "application/json", "{\"error\":{\"code\":\"route_not_found\"}}");
            return;
        }
        send(exchange, 200, "application/json", issuer.jwksJson());
    }

    private void local(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals(TOKEN_PATH) && method.equals("POST")) {
            token(exchange);
        } else if (path.equals(SIGN_IN_PATH) && method.equals("GET")) {
            Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
            send(exchange, 200, "text/html; charset=utf-8", signInPage(query.getOrDefault("redirect_url", ""),
                    "sign-up".equals(query.get("mode"))));
        } else if (path.equals(SIGN_IN_PATH) && method.equals("POST")) {
            signIn(exchange);
        } else {
            send(exchange, 404, "application/json", "{\"error\":{\"code\":\"route_not_found\"}}");
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        JsonNode body;
        try {
            body = json.readTree(exchange.getRequestBody().readAllBytes());
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.path("sub").isTextual() || body.path("sub").asText().isBlank()) {
            send(exchange, 400, "application/json",
                    "{\"error\":{\"code\":\"missing_field\",\"message\":\"Send {\\\"sub\\\": \\\"user id\\\", \\\"orgId\\\": optional}.\"}}");
            return;
        }
        String org = body.path("orgId").isTextual() && !body.path("orgId").asText().isBlank() ? body.get("orgId").asText() : null;
        String token = issuer.token(body.get("sub").asText(), org, TOKEN_LIFETIME);
        send(exchange, 200, "application/json", json.createObjectNode().put("token", token).toString());
    }

    private void signIn(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String user = form.getOrDefault("sub", "").strip();
        if (user.isEmpty()) {
            send(exchange, 400, "text/html; charset=utf-8", signInPage(form.getOrDefault("redirect_url", ""), false));
            return;
        }
        String org = form.getOrDefault("orgId", "").strip();
        String token = issuer.token(user, org.isEmpty() ? null : org, TOKEN_LIFETIME);
        exchange.getResponseHeaders().add("Set-Cookie", SESSION_COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Lax");
        exchange.getResponseHeaders().add("Location", safeRedirect(form.get("redirect_url")));
        exchange.sendResponseHeaders(303, -1);
        exchange.close();
    }

    /** Only back to this server: an open redirect would hand the session to any site. */
    private String safeRedirect(String target) {
        if (target == null || target.isBlank()) return appBaseUrl() + "/dashboard";
        URI uri = URI.create(target);
        URI base = URI.create(baseUrl);
        boolean sameOrigin = base.getScheme().equals(uri.getScheme()) && base.getHost().equals(uri.getHost())
                && base.getPort() == uri.getPort();
        return sameOrigin ? target : appBaseUrl() + "/dashboard";
    }

    private void dashboard(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String linkId = path.startsWith(APP_PATH + "/dashboard/links/") ? path.substring((APP_PATH + "/dashboard/links/").length()) : "";
        String body = linkId.isEmpty()
                ? "<p>This stands in for your product's dashboard.</p>"
                : "<p>Link <code id=\"link-id\">" + escape(linkId) + "</code> is now in your account.</p>"
                        + "<p class=\"note\">This page stands in for your product's dashboard at {appBaseUrl}/dashboard/links/{linkId}.</p>";
        send(exchange, 200, "text/html; charset=utf-8", page("Dashboard", "<h1>Your link</h1>" + body));
    }

    private static String signInPage(String redirectUrl, boolean signUp) {
        String title = signUp ? "Create a dev account" : "Sign in (development)";
        return page(title, "<h1>" + title + "</h1>"
                + "<p>The local runner's stand-in for your identity provider. Pick who you are; the token it issues is "
                + "signed by the runner's dev issuer and verified like a real one.</p>"
                + "<form method=\"post\" action=\"" + SIGN_IN_PATH + "\">"
                + "<label for=\"sub\">User id</label><input id=\"sub\" name=\"sub\" value=\"dev-user\" required>"
                + "<label for=\"orgId\">Active organization (optional)</label><input id=\"orgId\" name=\"orgId\" value=\"\">"
                + "<input type=\"hidden\" name=\"redirect_url\" value=\"" + escape(redirectUrl) + "\">"
                + "<button type=\"submit\">" + (signUp ? "Sign up" : "Sign in") + "</button></form>");
    }

    private static String page(String title, String main) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + " · Handoff local</title><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><style>"
                + "*{box-sizing:border-box}body{font:16px/1.5 system-ui,sans-serif;background:#f5f6f8;color:#1d2330;display:flex;"
                + "justify-content:center;padding-top:10vh}main{background:#fff;padding:2rem;border-radius:12px;"
                + "max-width:28rem;box-shadow:0 8px 24px rgba(0,0,0,.06)}label{display:block;margin-top:1rem;font-weight:600}"
                + "input{width:100%;padding:.5rem;border:1px solid #c5cad6;border-radius:6px;font:inherit}"
                + "button{margin-top:1.5rem;padding:.6rem 1.2rem;border:0;border-radius:8px;background:#4353ff;color:#fff;"
                + "font-weight:600;font-size:1rem}.note{color:#6b7385;font-size:.875rem}</style></head><body><main>"
                + main + "</main></body></html>";
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) return values;
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(name, value);
        }
        return values;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
