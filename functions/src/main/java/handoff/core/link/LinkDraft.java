package handoff.core.link;

import handoff.core.InvalidRequestException;
import handoff.core.integration.Integration;
import handoff.core.integration.IntegrationRegistry;
import handoff.core.integration.Operation;
import java.time.Duration;
import java.util.List;

/**
 * What a caller asked for when creating a link, before it is checked against the integrations.
 *
 * @param returnUrl null when not given
 * @param lifetime null for the default; never longer than {@link #MAX_LIFETIME}
 * @param maxAttempts null for the default
 */
public record LinkDraft(String integrationId, List<Operation> operations, String returnUrl, Duration lifetime,
                        Integer maxAttempts) {
    public static final Duration MAX_LIFETIME = Duration.ofHours(4);
    public static final Duration MIN_LIFETIME = Duration.ofMinutes(1);
    public static final int MAX_OPERATIONS = 10;

    /** Checks the draft against the registered integrations; throws a 4xx-worthy exception on the first problem. */
    public void validate(IntegrationRegistry registry) {
        Integration integration = registry.find(integrationId)
                .orElseThrow(() -> new InvalidRequestException("unknown_integration",
                        "No integration named '" + integrationId + "' is registered."));
        if (operations.isEmpty() || operations.size() > MAX_OPERATIONS) {
            throw new InvalidRequestException("invalid_operations",
                    "operations must list between 1 and " + MAX_OPERATIONS + " operations.");
        }
        for (int i = 0; i < operations.size(); i++) {
            Operation op = operations.get(i);
            if (!integration.supportedOperations().contains(op.type())) {
                throw new InvalidRequestException("unsupported_operation", "operations[" + i + "]: " + integrationId
                        + " does not support " + op.type() + ". Supported: " + integration.supportedOperations().stream()
                        .map(Object::toString).sorted().toList() + ".");
            }
        }
        if (returnUrl != null) ReturnUrl.validate(returnUrl);
        if (lifetime != null && (lifetime.compareTo(MIN_LIFETIME) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0)) {
            throw new InvalidRequestException("invalid_expires_in", "expiresInSeconds must be between "
                    + MIN_LIFETIME.toSeconds() + " and " + MAX_LIFETIME.toSeconds() + ".");
        }
        if (maxAttempts != null && (maxAttempts < 1 || maxAttempts > Policies.MAX_MAX_ATTEMPTS)) {
            throw new InvalidRequestException("invalid_policies",
                    "policies.maxAttempts must be between 1 and " + Policies.MAX_MAX_ATTEMPTS + ".");
        }
    }

    public Duration lifetimeOrDefault() {
        return lifetime == null ? MAX_LIFETIME : lifetime;
    }

    public Policies policies() {
        return maxAttempts == null ? Policies.defaults() : new Policies(maxAttempts);
    }
}
