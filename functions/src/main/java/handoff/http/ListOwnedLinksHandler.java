package handoff.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import handoff.core.claimtoken.Identity;
import handoff.core.link.LinkRepository.LinkPage;
import handoff.wiring.Wiring;
import java.time.Instant;

/**
 * {@code GET /v1/me/links}: the links the signed-in human owns, or their active organization owns,
 * newest first, {@code limit} (1..100, default 20) at a time with an opaque {@code cursor}.
 */
public final class ListOwnedLinksHandler extends ApiHandler {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final LinkJson linkJson;

    public ListOwnedLinksHandler() {
        this(Wiring.production());
    }

    public ListOwnedLinksHandler(Wiring wiring) {
        super(wiring);
        this.linkJson = new LinkJson(wiring.json());
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        Identity identity = requireIdentity(request);
        int limit = request.queryParameter("limit").map(ListOwnedLinksHandler::limit).orElse(DEFAULT_LIMIT);
        LinkPage page = wiring.links().listByOwner(identity.owner(), limit, request.queryParameter("cursor").orElse(null));
        Instant now = wiring.links().now();
        ObjectNode body = responses.object();
        ArrayNode links = body.putArray("links");
        page.links().forEach(link -> links.add(linkJson.link(link, now)));
        if (page.nextCursor() != null) body.put("nextCursor", page.nextCursor());
        return responses.json(200, body);
    }

    private static int limit(String raw) {
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= MAX_LIMIT) return limit;
        } catch (NumberFormatException e) {
            // Falls through to the same answer as an out-of-range number.
        }
        throw new ApiException(400, "invalid_limit", "limit must be an integer from 1 to " + MAX_LIMIT + ".");
    }
}
