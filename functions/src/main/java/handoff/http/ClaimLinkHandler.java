package handoff.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import handoff.core.link.ClaimResult;
import handoff.wiring.Wiring;

/** {@code POST /link/claim}: the client SDK claims a link with its claim code, starting a session. */
public final class ClaimLinkHandler extends ApiHandler {
    private final LinkJson linkJson;

    public ClaimLinkHandler() {
        this(Wiring.production());
    }

    public ClaimLinkHandler(Wiring wiring) {
        super(wiring);
        this.linkJson = new LinkJson(wiring.json());
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String claimCode = LinkJson.claimCode(request.jsonBody(wiring.json()));
        return switch (wiring.links().claim(claimCode)) {
            case ClaimResult.Claimed claimed -> {
                ObjectNode body = linkJson.link(claimed.link(), claimed.session().startedAt());
                body.set("session", linkJson.session(claimed.session()));
                yield responses.json(201, body);
            }
            case ClaimResult.NotFound notFound -> error(request, 404, "link_not_found",
                    "No link has this claim code.");
            case ClaimResult.SessionActive active -> error(request, 409, "session_active",
                    "A session for this link is already running; poll its status.");
            case ClaimResult.Completed completed -> error(request, 409, "link_completed",
                    "This link already completed and is single use; create a new link.");
            case ClaimResult.Expired expired -> error(request, 410, "link_expired",
                    "This link expired at " + expired.link().expiresAt() + "; create a new link.");
            case ClaimResult.AttemptsExhausted exhausted -> error(request, 409, "attempts_exhausted",
                    "This link used all " + exhausted.link().policies().maxAttempts() + " attempts; create a new link.");
        };
    }
}
