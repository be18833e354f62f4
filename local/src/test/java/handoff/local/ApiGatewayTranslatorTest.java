package handoff.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import handoff.local.ApiGatewayTranslator.HttpRequest;
import handoff.names.Functions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests become the events API Gateway (HTTP API, payload 2.0) would deliver, and routes match as it would. */
class ApiGatewayTranslatorTest {
    final ApiGatewayTranslator translator =
            new ApiGatewayTranslator(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void headersAreLowerCasedCookiesMovedAndQueryAndPathParametersFilledIn() {
        HttpRequest request = new HttpRequest("GET", "/claim/hndt_abc", "limit=5&x=a%20b",
                Map.of("Cookie", List.of("__session=jwt; theme=dark"), "X-Custom", List.of("one", "two")),
                new byte[0], "127.0.0.1", "HTTP/1.1", "127.0.0.1:8080");

        APIGatewayV2HTTPEvent event = translator.toEvent(request, "GET /claim/{token}", Map.of("token", "hndt_abc"), "req-1");

        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("GET /claim/{token}");
        assertThat(event.getRawPath()).isEqualTo("/claim/hndt_abc");
        assertThat(event.getHeaders()).containsEntry("x-custom", "one,two").doesNotContainKey("cookie");
        assertThat(event.getCookies()).containsExactly("__session=jwt", "theme=dark");
        assertThat(event.getQueryStringParameters()).containsEntry("limit", "5").containsEntry("x", "a b");
        assertThat(event.getPathParameters()).containsEntry("token", "hndt_abc");
        assertThat(event.getRequestContext().getRequestId()).isEqualTo("req-1");
        assertThat(event.getRequestContext().getHttp().getMethod()).isEqualTo("GET");
        assertThat(event.getRequestContext().getHttp().getSourceIp()).isEqualTo("127.0.0.1");
    }

    @Test
    void bodyIsPassedAsText() {
        HttpRequest request = new HttpRequest("POST", "/link/claim", null, Map.of(),
                "{\"claimCode\":\"x\"}".getBytes(StandardCharsets.UTF_8), "127.0.0.1", "HTTP/1.1", "127.0.0.1:8080");

        APIGatewayV2HTTPEvent event = translator.toEvent(request, "POST /link/claim", Map.of(), "req-2");

        assertThat(event.getBody()).isEqualTo("{\"claimCode\":\"x\"}");
        assertThat(event.getIsBase64Encoded()).isFalse();
    }

    @Test
    void everyRouteInFunctionsMatchesItsOwnPathAndOnlyItsMethod() {
        RouteTable<String> routes = new RouteTable<>();
        for (Functions f : Functions.values()) f.routes.forEach(r -> routes.add(r, f.id));

        assertThat(routes.match("GET", "/v1/links/link_abc"))
                .isEqualTo(new RouteTable.Match.Found<>(routes.routes().stream()
                        .filter(r -> r.routeKey().equals("GET /v1/links/{linkId}")).findFirst().orElseThrow(),
                        Map.of("linkId", "link_abc")));
        assertThat(routes.match("DELETE", "/v1/links")).isInstanceOf(RouteTable.Match.MethodNotAllowed.class);
        assertThat(routes.match("GET", "/v1/links/a/b")).isInstanceOf(RouteTable.Match.NotFound.class);
    }
}
