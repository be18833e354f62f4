package handoff.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import handoff.core.link.CreatedLink;
import handoff.core.link.LinkDraft;
import handoff.core.link.Owner;
import handoff.wiring.Wiring;

/**
 * {@code POST /v1/links}: a tenant (API key) creates a pending link and gets its claim code. Without
 * credentials an agent creates an anonymous link and gets, in this response only, a claim token that a
 * human later consumes to become the owner.
 */
public final class CreateLinkHandler extends ApiHandler {
    private final LinkJson linkJson;

    public CreateLinkHandler() {
        this(Wiring.production());
    }

    public CreateLinkHandler(Wiring wiring) {
        super(wiring);
        this.linkJson = new LinkJson(wiring.json());
    }

    static final String CLAIM_TOKEN_WARNING = "This claimToken is shown once and never again. Store it in a secret "
            + "store now: whoever opens claimUrl while signed in becomes the owner of this link.";

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        boolean anonymous = request.header("Authorization").isEmpty();
        Owner owner = anonymous ? null : Owner.tenant(authenticateTenant(request));
        LinkDraft draft = linkJson.draft(request.jsonBody(wiring.json()));
        CreatedLink created = anonymous
                ? wiring.links().createAnonymous(draft, request.sourceIp())
                : wiring.links().create(draft, owner);
        ObjectNode body = linkJson.link(created.link(), created.link().createdAt());
        body.put("claimCode", created.claimCode());
        if (anonymous) {
            body.put("claimToken", created.claimToken());
            body.put("claimUrl", wiring.config().publicBaseUrl() + "/claim/" + created.claimToken());
            body.put("claimExpiresAt", created.claimTokenExpiresAt().toString());
            body.put("warning", CLAIM_TOKEN_WARNING);
        }
        return responses.json(201, body);
    }
}
