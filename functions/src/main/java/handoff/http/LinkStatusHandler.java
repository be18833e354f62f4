package handoff.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import handoff.core.link.LinkRepository.LinkHistory;
import handoff.core.link.Owner;
import handoff.wiring.Wiring;
import java.util.Optional;

/**
 * A link with all its sessions, newest first: {@code GET /v1/links/{linkId}} for its tenant (API key),
 * {@code POST /link/status} for the client SDK (claim code). Another tenant's link reads as not found.
 */
public final class LinkStatusHandler extends ApiHandler {
    static final String TENANT_ROUTE = "GET /v1/links/{linkId}";

    private final LinkJson linkJson;

    public LinkStatusHandler() {
        this(Wiring.production());
    }

    public LinkStatusHandler(Wiring wiring) {
        super(wiring);
        this.linkJson = new LinkJson(wiring.json());
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        boolean tenantRead = TENANT_ROUTE.equals(request.routeKey());
        Optional<LinkHistory> history;
        if (tenantRead) {
            Owner tenant = Owner.tenant(authenticateTenant(request));
            history = wiring.links().history(request.pathParameter("linkId"))
                    .filter(h -> h.link().ownedBy(tenant));
        } else {
            history = wiring.links().historyByClaimCode(LinkJson.claimCode(request.jsonBody(wiring.json())));
        }
        return history.map(h -> {
            ObjectNode body = linkJson.history(h, wiring.links().now());
            // Whoever holds the claim code runs the link; who owns it is none of their business.
            if (!tenantRead) body.remove("owner");
            return responses.json(200, body);
        }).orElseGet(() -> error(request, 404, "link_not_found", "No such link."));
    }
}
