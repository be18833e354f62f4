package handoff.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/** The one place that turns results and errors into HTTP responses. */
public final class ApiResponses {
    /** Seconds a client should wait before retrying after a 503. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private final ObjectMapper json;

    public ApiResponses(ObjectMapper json) {
        this.json = json;
    }

    public APIGatewayV2HTTPResponse json(int status, JsonNode body) {
        return response(status, body.toString(), "application/json", Map.of());
    }

    /** {@code {"error":{"code","message","requestId"}}}: never an exception message or a stack trace. */
    public APIGatewayV2HTTPResponse error(int status, String code, String message, String requestId) {
        return error(status, code, message, requestId, status == 503 ? RETRY_AFTER_SECONDS : 0);
    }

    /** @param retryAfterSeconds sent as {@code Retry-After} when positive */
    public APIGatewayV2HTTPResponse error(int status, String code, String message, String requestId,
                                          long retryAfterSeconds) {
        ObjectNode error = json.createObjectNode();
        error.putObject("error").put("code", code).put("message", message).put("requestId", requestId);
        Map<String, String> extra = retryAfterSeconds > 0 ? Map.of("Retry-After", Long.toString(retryAfterSeconds)) : Map.of();
        return response(status, error.toString(), "application/json", extra);
    }

    public APIGatewayV2HTTPResponse response(int status, String body, String contentType, Map<String, String> extraHeaders) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", contentType);
        // Responses carry claim codes, tokens and account data: never cache them anywhere.
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.putAll(extraHeaders);
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(headers).withBody(body).build();
    }

    public ObjectNode object() {
        return json.createObjectNode();
    }
}
