package handoff.names;

import java.util.List;

/**
 * One Lambda function per handler class. The CDK stack creates exactly these, wires the routes to
 * them, and the local runner serves the same routes with the same classes.
 */
public enum Functions {
    CREATE_LINK("CreateLink", "handoff.http.CreateLinkHandler", List.of("POST /v1/links")),
    CLAIM_LINK("ClaimLink", "handoff.http.ClaimLinkHandler", List.of("POST /link/claim")),
    LINK_STATUS("LinkStatus", "handoff.http.LinkStatusHandler",
            List.of("GET /v1/links/{linkId}", "POST /link/status")),
    CONSUME_CLAIM_TOKEN("ConsumeClaimToken", "handoff.http.ConsumeClaimTokenHandler",
            List.of("POST /v1/claim-tokens/consume", "GET /claim/{token}")),
    LIST_OWNED_LINKS("ListOwnedLinks", "handoff.http.ListOwnedLinksHandler", List.of("GET /v1/me/links")),
    SESSION_WORKER("SessionWorker", "handoff.worker.SessionWorkerHandler", List.of()),
    EXPIRY_SWEEPER("ExpirySweeper", "handoff.sweeper.ExpirySweeperHandler", List.of());

    /** The shaded jar every function runs from, relative to the repository root. */
    public static final String JAR = "functions/target/handoff-functions.jar";

    /** Logical id stem for CloudFormation and the function's name suffix. */
    public final String id;
    public final String handlerClass;
    /** HTTP API route keys ("METHOD /path/{param}"); empty for functions driven by SQS or a schedule. */
    public final List<String> routes;

    Functions(String id, String handlerClass, List<String> routes) {
        this.id = id;
        this.handlerClass = handlerClass;
        this.routes = routes;
    }

    /** The Lambda handler string. */
    public String handler() {
        return handlerClass + "::handleRequest";
    }
}
