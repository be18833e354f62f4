package handoff.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import handoff.http.ClaimLinkHandler;
import handoff.http.ConsumeClaimTokenHandler;
import handoff.http.CreateLinkHandler;
import handoff.http.LinkStatusHandler;
import handoff.http.ListOwnedLinksHandler;
import handoff.names.Functions;
import handoff.wiring.Wiring;

/**
 * The handler behind each HTTP function in {@link Functions}, built once through the same
 * {@code (Wiring)} constructor the tests use. The switch is exhaustive: a new function does not compile
 * until the runner serves it.
 */
final class LambdaHandlers {
    private LambdaHandlers() {}

    static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> http(Functions function, Wiring wiring) {
        return switch (function) {
            case CREATE_LINK -> new CreateLinkHandler(wiring);
            case CLAIM_LINK -> new ClaimLinkHandler(wiring);
            case LINK_STATUS -> new LinkStatusHandler(wiring);
            case CONSUME_CLAIM_TOKEN -> new ConsumeClaimTokenHandler(wiring);
            case LIST_OWNED_LINKS -> new ListOwnedLinksHandler(wiring);
            case SESSION_WORKER, EXPIRY_SWEEPER -> throw new IllegalArgumentException(function + " has no HTTP routes");
        };
    }
}
