package handoff.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import handoff.telemetry.Log;
import handoff.local.ApiGatewayTranslator.HttpRequest;
import handoff.local.ApiGatewayTranslator.HttpResponse;
import handoff.local.RouteTable.Match;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runner's stand-in for API Gateway: local-only routes by prefix first, then the Lambda routes.
 * Unknown paths get 404, known paths with another method 405 with {@code Allow}, bodies over
 * {@link #MAX_BODY_BYTES} 413 (refused before they are read), and a handler that blows up a 500; all in
 * the service's documented error body.
 */
final class LocalGateway implements HttpHandler {
    /** Larger bodies are refused without reading them to the end. */
    static final int MAX_BODY_BYTES = 1024 * 1024;
    /** API Gateway's integration timeout; reported as the remaining time of HTTP invocations. */
    static final Duration HTTP_FUNCTION_TIMEOUT = Duration.ofSeconds(30);

    /** What an API route leads to: the function's id and its handler. */
    record Target(String functionId, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RouteTable<Target> routes;
    private final List<LocalRoute> localRoutes = new ArrayList<>();
    private final ApiGatewayTranslator translator;
    private final ObjectMapper json = new ObjectMapper();

    LocalGateway(RouteTable<Target> routes, ApiGatewayTranslator translator) {
        this.routes = routes;
        this.translator = translator;
    }

    /** Registers a local-only endpoint; refuses one that could hide an API route. */
    LocalGateway addLocalRoute(LocalRoute route) {
        if (routes.overlapsPrefix(route.pathPrefix())) {
            throw new IllegalArgumentException("Local prefix " + route.pathPrefix() + " overlaps an API route");
        }
        for (LocalRoute existing : localRoutes) {
            if (existing.pathPrefix().startsWith(route.pathPrefix()) || route.pathPrefix().startsWith(existing.pathPrefix())) {
                throw new IllegalArgumentException("Local prefix " + route.pathPrefix() + " overlaps " + existing.pathPrefix());
            }
        }
        localRoutes.add(route);
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = newRequestId();
        try (exchange) {
            String rawPath = exchange.getRequestURI().getRawPath();
            for (LocalRoute local : localRoutes) {
                if (rawPath.startsWith(local.pathPrefix())) {
                    local.handler().handle(exchange);
                    return;
                }
            }
            serveApiRoute(exchange, rawPath, requestId);
        } catch (IOException clientWentAway) {
            Log.info("local_connection_error", "requestId", requestId, "errorType", clientWentAway.getClass().getName());
        } catch (RuntimeException e) {
            Log.error("local_gateway_error", e, "requestId", requestId);
            trySendError(exchange, 500, "internal_error",
                    "Something went wrong on our side. Quote the requestId if you contact us.", requestId);
        }
    }

    private void serveApiRoute(HttpExchange exchange, String rawPath, String requestId) throws IOException {
        String method = exchange.getRequestMethod();
        Match<Target> match = routes.match(method, rawPath);
        switch (match) {
            case Match.NotFound<Target> notFound -> {
                sendError(exchange, 404, "route_not_found", "No route for " + method + " " + rawPath + ".", requestId);
                return;
            }
            case Match.MethodNotAllowed<Target> notAllowed -> {
                exchange.getResponseHeaders().set("Allow", String.join(", ", notAllowed.allowedMethods()));
                sendError(exchange, 405, "method_not_allowed",
                        method + " is not allowed here; use " + String.join(" or ", notAllowed.allowedMethods()) + ".",
                        requestId);
                return;
            }
            case Match.Found<Target> found -> {
                Optional<byte[]> body = readBody(exchange);
                if (body.isEmpty()) {
                    sendError(exchange, 413, "body_too_large",
                            "The body may be at most " + MAX_BODY_BYTES + " bytes.", requestId);
                    return;
                }
                invoke(exchange, found, body.get(), requestId);
            }
        }
    }

    private void invoke(HttpExchange exchange, Match.Found<Target> found, byte[] body, String requestId)
            throws IOException {
        Target target = found.route().target();
        HttpRequest request = new HttpRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body,
                exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getProtocol(),
                exchange.getLocalAddress().getAddress().getHostAddress() + ":" + exchange.getLocalAddress().getPort());
        APIGatewayV2HTTPEvent event = translator.toEvent(request, found.route().routeKey(), found.pathParameters(), requestId);
        APIGatewayV2HTTPResponse response = target.handler().handleRequest(event,
                new LocalContext("handoff-" + target.functionId(), requestId, HTTP_FUNCTION_TIMEOUT));
        if (response == null || response.getStatusCode() < 100) {
            Log.info("local_invalid_function_response", "requestId", requestId, "function", target.functionId());
            sendError(exchange, 500, "internal_error", "The function returned no response.", requestId);
            return;
        }
        send(exchange, translator.fromResponse(response));
    }

    /** The whole body, or empty if it is larger than {@link #MAX_BODY_BYTES} (read no further than that). */
    private static Optional<byte[]> readBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > MAX_BODY_BYTES) return Optional.empty();
            } catch (NumberFormatException ignored) {
                // The server itself rejects a malformed length; fall through to counting.
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            return bytes.length > MAX_BODY_BYTES ? Optional.empty() : Optional.of(bytes);
        }
    }

    private static void send(HttpExchange exchange, HttpResponse response) throws IOException {
        response.headers().forEach(h -> exchange.getResponseHeaders().add(h.getKey(), h.getValue()));
        boolean noBody = response.status() == 204 || response.status() == 304
                || exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        if (noBody) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }

    private void sendError(HttpExchange exchange, int status, String code, String message, String requestId)
            throws IOException {
        ObjectNode body = json.createObjectNode();
        body.putObject("error").put("code", code).put("message", message).put("requestId", requestId);
        Log.info("local_request_refused", "requestId", requestId, "status", Integer.toString(status), "code", code);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, new HttpResponse(status, List.of(), body.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private void trySendError(HttpExchange exchange, int status, String code, String message, String requestId) {
        try {
            sendError(exchange, status, code, message, requestId);
        } catch (IOException | RuntimeException alreadyStarted) {
            // Headers already went out; the connection closes with the exchange.
        }
    }

    /** Like API Gateway's ids: short, random, URL-safe. */
    static String newRequestId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
