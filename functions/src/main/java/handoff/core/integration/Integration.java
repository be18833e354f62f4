package handoff.core.integration;

import java.util.Set;

/**
 * A service whose accounts Handoff can act on (a carrier, or the built-in sandbox). Implementations
 * must be safe to call from several threads; {@code accountRef} identifies the user's account for
 * this session (the link id until integrations carry real credentials).
 */
public interface Integration {
    String id();

    Set<OperationType> supportedOperations();

    OperationOutcome run(String accountRef, Operation operation);
}
