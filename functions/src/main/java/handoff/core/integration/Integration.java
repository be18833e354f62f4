package handoff.core.integration;

import java.util.Set;

/**
 * A service whose accounts Handoff can act on (a carrier, or the built-in sandbox). Implementations
 * must be safe to call from several threads.
 */
public interface Integration {
    String id();

    Set<OperationType> supportedOperations();

    OperationOutcome run(RunContext context, Operation operation);
}
