package handoff.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import handoff.core.claimtoken.ConsumeResult;
import handoff.core.claimtoken.Identity;
import handoff.core.secret.SecretKind;
import handoff.core.secret.Secrets;
import handoff.wiring.Config;
import handoff.wiring.Wiring;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A signed-in human takes ownership of an anonymous link with its claim token:
 * {@code POST /v1/claim-tokens/consume} answers JSON for API clients, {@code GET /claim/{token}} is the
 * hosted page people open from the claim URL.
 */
public final class ConsumeClaimTokenHandler extends ApiHandler {
    static final String PAGE_ROUTE = "GET /claim/{token}";

    public ConsumeClaimTokenHandler() {
        this(Wiring.production());
    }

    public ConsumeClaimTokenHandler(Wiring wiring) {
        super(wiring);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return PAGE_ROUTE.equals(request.routeKey()) ? page(request) : api(request);
    }

    private APIGatewayV2HTTPResponse api(ApiRequest request) {
        String token = ApiRequest.requiredString(request.jsonBody(wiring.json()), "token");
        Identity identity = requireIdentity(request);
        String wellFormed = Secrets.wellFormed(SecretKind.CLAIM_TOKEN, token).orElseThrow(() -> new ApiException(400,
                "malformed_claim_token", "token is not a Handoff claim token (check for a copy or typing error)."));
        return switch (wiring.claimTokens().consume(wellFormed, identity)) {
            case ConsumeResult.Claimed claimed -> {
                ObjectNode body = responses.object().put("linkId", claimed.link().linkId());
                body.putObject("owner").put("type", claimed.owner().kind().wireName()).put("id", claimed.owner().id());
                body.put("dashboardUrl", dashboardUrl(claimed.link().linkId()));
                yield responses.json(200, body);
            }
            case ConsumeResult.AlreadyClaimed c -> error(request, 409, "already_claimed",
                    "This claim token was already used; the link belongs to whoever used it.");
            case ConsumeResult.Expired e -> error(request, 410, "claim_token_expired",
                    "The 30-day claim window closed; the link stays usable but can no longer be claimed.");
            case ConsumeResult.NotFound n -> error(request, 404, "claim_token_not_found",
                    "No link is waiting for this claim token; it is safe to retry with another claim URL.");
            case ConsumeResult.AlreadyOwned o -> error(request, 409, "already_owned",
                    "The link already has an owner; nothing was changed.");
        };
    }

    private APIGatewayV2HTTPResponse page(ApiRequest request) {
        Optional<String> token = Secrets.wellFormed(SecretKind.CLAIM_TOKEN, request.pathParameter("token"));
        if (token.isEmpty()) return html(404, ClaimPages.notFound());
        Optional<Identity> identity = identity(request);
        if (identity.isEmpty()) {
            Config.Oidc oidc = wiring.config().oidc();
            String back = URLEncoder.encode(wiring.config().publicBaseUrl() + "/claim/" + token.get(), StandardCharsets.UTF_8);
            return html(200, ClaimPages.signedOut(withRedirect(oidc.signInUrl(), back), withRedirect(oidc.signUpUrl(), back)));
        }
        return switch (wiring.claimTokens().consume(token.get(), identity.get())) {
            case ConsumeResult.Claimed claimed -> redirect(dashboardUrl(claimed.link().linkId()));
            case ConsumeResult.AlreadyClaimed c -> html(409, ClaimPages.alreadyClaimed(dashboardUrl(c.linkId())));
            case ConsumeResult.Expired e -> html(410, ClaimPages.expired());
            case ConsumeResult.NotFound n -> html(404, ClaimPages.notFound());
            case ConsumeResult.AlreadyOwned o -> html(409, ClaimPages.alreadyOwned(dashboardUrl(o.linkId())));
        };
    }

    private String dashboardUrl(String linkId) {
        return wiring.config().appBaseUrl() + "/dashboard/links/" + linkId;
    }

    private static String withRedirect(String url, String encodedTarget) {
        return url + (url.contains("?") ? "&" : "?") + "redirect_url=" + encodedTarget;
    }

    private APIGatewayV2HTTPResponse html(int status, String page) {
        return responses.response(status, page, "text/html; charset=utf-8", ClaimPages.SECURITY_HEADERS);
    }

    private APIGatewayV2HTTPResponse redirect(String location) {
        Map<String, String> headers = new HashMap<>(ClaimPages.SECURITY_HEADERS);
        headers.put("Location", location);
        return responses.response(303, "", "text/plain; charset=utf-8", headers);
    }
}
