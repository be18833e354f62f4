package handoff.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import handoff.core.link.CreatedLink;
import handoff.core.link.LinkDraft;
import handoff.core.link.Owner;
import handoff.wiring.Wiring;

/** {@code POST /v1/links}: a tenant creates a pending link and gets its claim code. */
public final class CreateLinkHandler extends ApiHandler {
    private final LinkJson linkJson;

    public CreateLinkHandler() {
        this(Wiring.production());
    }

    public CreateLinkHandler(Wiring wiring) {
        super(wiring);
        this.linkJson = new LinkJson(wiring.json());
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        String tenantId = authenticateTenant(request);
        LinkDraft draft = linkJson.draft(request.jsonBody(wiring.json()));
        CreatedLink created = wiring.links().create(draft, Owner.tenant(tenantId));
        ObjectNode body = linkJson.link(created.link(), created.link().createdAt());
        body.put("claimCode", created.claimCode());
        return responses.json(201, body);
    }
}
