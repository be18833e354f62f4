package handoff.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import handoff.core.integration.Operation;
import handoff.core.link.Link;
import handoff.core.link.LinkDraft;
import handoff.core.link.LinkRepository.LinkHistory;
import handoff.core.link.ReturnUrl;
import handoff.core.secret.SecretKind;
import handoff.core.secret.Secrets;
import handoff.core.session.OperationProgress;
import handoff.core.session.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The JSON shapes of the link API: the create request in, links and sessions out. */
public final class LinkJson {
    private static final Set<String> CREATE_FIELDS =
            Set.of("integrationId", "operations", "returnUrl", "expiresInSeconds", "policies");

    private final ObjectMapper json;

    public LinkJson(ObjectMapper json) {
        this.json = json;
    }

    /** Reads a create request, naming the first field that has the wrong shape. */
    public LinkDraft draft(JsonNode body) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!CREATE_FIELDS.contains(field)) throw new ApiException(400, "unknown_field", "Unknown field " + field + ".");
        }
        String integrationId = ApiRequest.requiredString(body, "integrationId");
        JsonNode ops = body.get("operations");
        if (ops == null || ops.isNull()) throw new ApiException(400, "missing_field", "operations is required.");
        if (!ops.isArray()) throw new ApiException(400, "invalid_field", "operations must be an array.");
        List<Operation> operations = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) operations.add(operation(ops.get(i), "operations[" + i + "]"));
        String returnUrl = optionalString(body, "returnUrl");
        Duration lifetime = null;
        JsonNode expiresIn = body.get("expiresInSeconds");
        if (expiresIn != null && !expiresIn.isNull()) {
            if (!expiresIn.isIntegralNumber() || !expiresIn.canConvertToLong()) {
                throw new ApiException(400, "invalid_field", "expiresInSeconds must be an integer.");
            }
            lifetime = Duration.ofSeconds(expiresIn.asLong());
        }
        Integer maxAttempts = null;
        JsonNode policies = body.get("policies");
        if (policies != null && !policies.isNull()) {
            if (!policies.isObject()) throw new ApiException(400, "invalid_field", "policies must be an object.");
            JsonNode max = policies.get("maxAttempts");
            if (max != null && !max.isNull()) {
                if (!max.isIntegralNumber() || !max.canConvertToInt()) {
                    throw new ApiException(400, "invalid_field", "policies.maxAttempts must be an integer.");
                }
                maxAttempts = max.asInt();
            }
        }
        return new LinkDraft(integrationId, operations, returnUrl, lifetime, maxAttempts);
    }

    private Operation operation(JsonNode node, String where) {
        if (node == null || !node.isObject()) throw new ApiException(400, "invalid_field", where + " must be an object.");
        JsonNode args = node.get("arguments");
        if (args != null && !args.isNull() && !args.isObject()) {
            throw new ApiException(400, "invalid_field", where + ".arguments must be an object.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> arguments = args == null || args.isNull() ? Map.of() : json.convertValue(args, Map.class);
        try {
            return new Operation(ApiRequest.requiredString(node, "resource"), ApiRequest.requiredString(node, "action"),
                    arguments);
        } catch (ApiException e) {
            throw new ApiException(e.status(), e.code(), where + "." + e.getMessage());
        } catch (NullPointerException e) {
            throw new ApiException(400, "invalid_field", where + ".arguments may not contain null values.");
        }
    }

    /** The well-formed claim code in a client SDK request body, or a 400 before any lookup. */
    public static String claimCode(JsonNode body) {
        String code = ApiRequest.requiredString(body, "claimCode");
        return Secrets.wellFormed(SecretKind.CLAIM_CODE, code).orElseThrow(() -> new ApiException(400,
                "malformed_claim_code", "claimCode is not a Handoff claim code (check for a copy or typing error)."));
    }

    private static String optionalString(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) throw new ApiException(400, "invalid_field", field + " must be a string.");
        return value.asText();
    }

    /** A link as its tenant (or owner) sees it, with every session newest first. */
    public ObjectNode history(LinkHistory history, Instant now) {
        ObjectNode node = link(history.link(), now);
        ArrayNode sessions = node.putArray("sessions");
        history.sessionsNewestFirst().forEach(s -> sessions.add(session(s)));
        return node;
    }

    public ObjectNode link(Link link, Instant now) {
        ObjectNode node = json.createObjectNode();
        node.put("linkId", link.linkId());
        node.put("status", link.statusAt(now).wireName());
        node.put("integrationId", link.integrationId());
        ArrayNode ops = node.putArray("operations");
        for (Operation op : link.operations()) {
            ObjectNode o = ops.addObject().put("resource", op.resource()).put("action", op.action());
            if (!op.arguments().isEmpty()) o.set("arguments", json.valueToTree(op.arguments()));
        }
        if (link.returnUrl() != null) node.put("returnUrl", ReturnUrl.withLinkId(link.returnUrl(), link.linkId()));
        node.put("createdAt", link.createdAt().toString());
        node.put("expiresAt", link.expiresAt().toString());
        if (link.owner() != null) {
            node.putObject("owner").put("type", link.owner().kind().wireName()).put("id", link.owner().id());
        }
        node.putObject("policies").put("maxAttempts", link.policies().maxAttempts());
        node.put("attempts", link.attempts());
        if (link.result() != null) node.set("result", json.valueToTree(link.result()));
        return node;
    }

    public ObjectNode session(Session session) {
        ObjectNode node = json.createObjectNode();
        node.put("sessionId", session.sessionId());
        node.put("attempt", session.attempt());
        node.put("status", session.status().wireName());
        node.put("startedAt", session.startedAt().toString());
        node.put("deadline", session.deadline().toString());
        if (session.finishedAt() != null) node.put("finishedAt", session.finishedAt().toString());
        ArrayNode ops = node.putArray("operations");
        for (OperationProgress p : session.progress()) {
            ObjectNode o = ops.addObject().put("resource", p.resource()).put("action", p.action())
                    .put("status", p.state().name().toLowerCase(java.util.Locale.ROOT));
            if (p.result() != null) o.set("result", json.valueToTree(p.result()));
            if (p.errorCode() != null) o.put("errorCode", p.errorCode());
            if (p.finishedAt() != null) o.put("finishedAt", p.finishedAt().toString());
        }
        if (session.errorCode() != null) {
            node.putObject("error").put("code", session.errorCode()).put("message", session.errorMessage());
        }
        return node;
    }
}
