package handoff.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import handoff.core.InvalidRequestException;
import handoff.core.RateLimitedException;
import handoff.core.ServiceUnavailableException;
import handoff.core.claimtoken.Identity;
import handoff.telemetry.Log;
import handoff.wiring.Wiring;
import java.util.Optional;
import org.crac.Core;
import org.crac.Resource;

/**
 * What every HTTP handler shares: parse the event, run {@link #handle}, and map every failure to the
 * documented error body. Input problems become 4xx, throttling 503 with {@code Retry-After}, and anything
 * unexpected a 500 that carries the request id and nothing else.
 */
public abstract class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, Resource {
    protected final Wiring wiring;
    protected final ApiResponses responses;

    protected ApiHandler(Wiring wiring) {
        this.wiring = wiring;
        this.responses = new ApiResponses(wiring.json());
        // SnapStart snapshots after init: warm the request path first so restored containers start hot.
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        wiring.primeForSnapshot();
        // A body that fails parsing exercises event mapping, JSON and error responses without touching AWS.
        APIGatewayV2HTTPEvent priming = new APIGatewayV2HTTPEvent();
        priming.setRouteKey("PRIMING");
        priming.setBody("{");
        handleRequest(priming, null);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to refresh: clients re-resolve credentials and connections lazily.
    }

    protected abstract APIGatewayV2HTTPResponse handle(ApiRequest request);

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        ApiRequest request = new ApiRequest(event);
        APIGatewayV2HTTPResponse response;
        try {
            response = handle(request);
        } catch (ApiException e) {
            response = responses.error(e.status(), e.code(), e.getMessage(), request.requestId());
        } catch (InvalidRequestException e) {
            response = responses.error(400, e.code(), e.getMessage(), request.requestId());
        } catch (RateLimitedException e) {
            response = responses.error(429, "rate_limited", e.getMessage(), request.requestId(), e.retryAfterSeconds());
        } catch (ServiceUnavailableException e) {
            Log.error("dependency_unavailable", e, "requestId", request.requestId(), "route", request.routeKey());
            response = responses.error(503, "service_unavailable",
                    "A dependency is busy; nothing was changed. Retry shortly.", request.requestId());
        } catch (RuntimeException e) {
            Log.error("unhandled_error", e, "requestId", request.requestId(), "route", request.routeKey());
            response = responses.error(500, "internal_error",
                    "Something went wrong on our side. Quote the requestId if you contact us.", request.requestId());
        }
        Log.info("request", "requestId", request.requestId(), "route", request.routeKey(),
                "status", Integer.toString(response.getStatusCode()));
        return response;
    }

    /** A documented error answer for this request. */
    protected APIGatewayV2HTTPResponse error(ApiRequest request, int status, String code, String message) {
        return responses.error(status, code, message, request.requestId());
    }

    /** The signed-in human behind the request's bearer token or session cookie, if it verifies. */
    protected Optional<Identity> identity(ApiRequest request) {
        Optional<String> token = request.bearerToken().or(() -> request.cookie(wiring.config().oidc().sessionCookie()));
        return token.flatMap(wiring.identities()::verify);
    }

    /** The signed-in human, or 401. */
    protected Identity requireIdentity(ApiRequest request) {
        if (request.header("Authorization").isEmpty() && request.cookie(wiring.config().oidc().sessionCookie()).isEmpty()) {
            throw new ApiException(401, "not_signed_in", "Sign in and send your identity token as 'Authorization: Bearer <token>'.");
        }
        return identity(request).orElseThrow(() -> new ApiException(401, "invalid_identity",
                "The identity token is invalid, expired, or not from the configured issuer."));
    }

    /** The tenant behind the request's API key, or 401. */
    protected String authenticateTenant(ApiRequest request) {
        String key = request.bearerToken().orElseThrow(() ->
                new ApiException(401, "missing_api_key", "Send your API key as 'Authorization: Bearer <key>'."));
        return wiring.apiKeys().authenticate(key).orElseThrow(() ->
                new ApiException(401, "invalid_api_key", "The API key is malformed, unknown or revoked."));
    }
}
