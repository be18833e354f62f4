package handoff.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a plain HTTP request into the event API Gateway (HTTP API, payload format 2.0) would hand a
 * Lambda function, and the function's response back into HTTP. No server types here, so it is unit-testable.
 *
 * <p>What API Gateway does and this copies: header names lower-cased, repeated headers and query
 * parameters joined with commas, the {@code Cookie} header moved into {@code cookies} (and out of
 * {@code headers}), {@code x-forwarded-*} headers added, empty maps and bodies left out (null),
 * {@code stage "$default"}, response {@code cookies} sent as {@code Set-Cookie} headers.
 */
public final class ApiGatewayTranslator {
    /** API Gateway's format for {@code requestContext.time}, e.g. {@code 12/Mar/2020:19:03:58 +0000}. */
    static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    static final String ACCOUNT_ID = "000000000000";
    static final String API_ID = "local";

    private final Clock clock;

    public ApiGatewayTranslator(Clock clock) {
        this.clock = clock;
    }

    /**
     * A request as it arrived.
     *
     * @param rawPath the path as sent, still percent-encoded
     * @param rawQuery the query string as sent, without '?'; null or empty when there is none
     * @param headers header values per name, in any case, each value as one header line carried it
     * @param body the request body; empty when there is none
     * @param sourceIp the caller's address
     * @param host the {@code host:port} the server listens on, for {@code domainName} and {@code x-forwarded-port}
     */
    public record HttpRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
            byte[] body, String sourceIp, String protocol, String host) {}

    /** A response to write: status, header lines in order, and the body bytes. */
    public record HttpResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {}

    public APIGatewayV2HTTPEvent toEvent(HttpRequest request, String routeKey, Map<String, String> pathParameters,
            String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                for (String value : values) {
                    for (String cookie : value.split(";")) {
                        if (!cookie.isBlank()) cookies.add(cookie.trim());
                    }
                }
            } else {
                headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        String hostHeader = headers.getOrDefault("host", request.host());
        headers.merge("x-forwarded-for", request.sourceIp(), (sent, ip) -> sent + ", " + ip);
        headers.putIfAbsent("x-forwarded-proto", "http");
        headers.putIfAbsent("x-forwarded-port", port(request.host()));

        String rawQuery = request.rawQuery() == null ? "" : request.rawQuery();
        Instant now = clock.instant();
        String domainName = hostOnly(hostHeader);
        APIGatewayV2HTTPEvent.RequestContext context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId(ACCOUNT_ID)
                .withApiId(API_ID)
                .withDomainName(domainName)
                .withDomainPrefix(domainName.contains(".") ? domainName.substring(0, domainName.indexOf('.')) : domainName)
                .withRequestId(requestId)
                .withRouteKey(routeKey)
                .withStage("$default")
                .withTime(REQUEST_TIME.format(now))
                .withTimeEpoch(now.toEpochMilli())
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(request.method().toUpperCase(Locale.ROOT))
                        .withPath(request.rawPath())
                        .withProtocol(request.protocol())
                        .withSourceIp(request.sourceIp())
                        .withUserAgent(headers.get("user-agent"))
                        .build())
                .build();
        Map<String, String> query = queryParameters(rawQuery);
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(request.rawPath())
                .withRawQueryString(rawQuery)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(pathParameters == null || pathParameters.isEmpty() ? null : Map.copyOf(pathParameters))
                .withBody(request.body() == null || request.body().length == 0
                        ? null : new String(request.body(), StandardCharsets.UTF_8))
                .withIsBase64Encoded(false)
                .withRequestContext(context)
                .build();
    }

    /** The HTTP response API Gateway would send for a function's response. */
    public HttpResponse fromResponse(APIGatewayV2HTTPResponse response) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> {
                if (value != null) headers.add(Map.entry(name, value));
            });
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> {
                if (values != null) values.forEach(value -> headers.add(Map.entry(name, value)));
            });
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> headers.add(Map.entry("Set-Cookie", cookie)));
        }
        String body = response.getBody();
        byte[] bytes = body == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        return new HttpResponse(response.getStatusCode(), headers, bytes);
    }

    /** Decoded query parameters; a repeated name gets its values joined with commas, as API Gateway does. */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) return parameters;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeQuery(pair.substring(eq + 1));
            if (name.isEmpty()) continue;
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static String decodeQuery(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    private static String hostOnly(String hostAndPort) {
        if (hostAndPort == null || hostAndPort.isBlank()) return "localhost";
        int colon = hostAndPort.lastIndexOf(':');
        return colon > 0 && !hostAndPort.endsWith("]") ? hostAndPort.substring(0, colon) : hostAndPort;
    }

    private static String port(String hostAndPort) {
        int colon = hostAndPort == null ? -1 : hostAndPort.lastIndexOf(':');
        return colon > 0 ? hostAndPort.substring(colon + 1) : "80";
    }
}
