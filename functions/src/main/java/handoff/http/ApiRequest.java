package handoff.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parts of an HTTP API (payload v2) event that handlers use. Handlers never pick at the raw event.
 */
public final class ApiRequest {
    /** Bodies are small JSON documents; anything larger is refused before parsing. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final APIGatewayV2HTTPEvent event;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    public ApiRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
        if (event.getHeaders() != null) headers.putAll(event.getHeaders());
    }

    public String routeKey() {
        return event.getRouteKey() == null ? "" : event.getRouteKey();
    }

    public String requestId() {
        var context = event.getRequestContext();
        return context == null || context.getRequestId() == null ? "unknown" : context.getRequestId();
    }

    public String sourceIp() {
        var context = event.getRequestContext();
        return context == null || context.getHttp() == null ? "unknown" : context.getHttp().getSourceIp();
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public String pathParameter(String name) {
        Map<String, String> params = event.getPathParameters();
        String value = params == null ? null : params.get(name);
        if (value == null || value.isBlank()) throw new ApiException(400, "missing_path_parameter", "Missing " + name + ".");
        return value;
    }

    public Optional<String> queryParameter(String name) {
        Map<String, String> params = event.getQueryStringParameters();
        return Optional.ofNullable(params == null ? null : params.get(name));
    }

    /** The bearer credential of the {@code Authorization} header, if the header is present. */
    public Optional<String> bearerToken() {
        return header("Authorization").map(value -> {
            String[] parts = value.trim().split("\\s+", 2);
            if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals("bearer")) {
                throw new ApiException(401, "invalid_authorization", "Use 'Authorization: Bearer <credential>'.");
            }
            return parts[1];
        });
    }

    /** Cookies as API Gateway v2 delivers them ({@code cookies} list), by name. */
    public Optional<String> cookie(String name) {
        List<String> cookies = event.getCookies();
        if (cookies == null) return Optional.empty();
        for (String cookie : cookies) {
            int eq = cookie.indexOf('=');
            if (eq > 0 && cookie.substring(0, eq).trim().equals(name)) return Optional.of(cookie.substring(eq + 1).trim());
        }
        return Optional.empty();
    }

    /** The body as a JSON object, or a 4xx naming what is wrong with it. */
    public JsonNode jsonBody(ObjectMapper json) {
        String body = event.getBody();
        if (body == null || body.isBlank()) throw new ApiException(400, "missing_body", "A JSON body is required.");
        byte[] bytes = event.getIsBase64Encoded() ? decodeBase64(body) : body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ApiException(413, "body_too_large", "The body may be at most " + MAX_BODY_BYTES + " bytes.");
        }
        header("Content-Type").ifPresent(type -> {
            if (!type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                throw new ApiException(415, "unsupported_media_type", "Send the body as application/json.");
            }
        });
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new ApiException(400, "malformed_json", "The body is not valid JSON.");
        }
        if (node == null || !node.isObject()) throw new ApiException(400, "malformed_json", "The body must be a JSON object.");
        return node;
    }

    private static byte[] decodeBase64(String body) {
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "malformed_body", "The body is not valid base64.");
        }
    }

    /** A required string field of a JSON object. */
    public static String requiredString(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) throw new ApiException(400, "missing_field", field + " is required.");
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new ApiException(400, "invalid_field", field + " must be a non-empty string.");
        }
        return value.asText();
    }
}
