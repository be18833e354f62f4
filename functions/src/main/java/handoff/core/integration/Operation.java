package handoff.core.integration;

import java.util.Map;

/** One step of a link: do {@code action} on {@code resource}, with optional arguments. */
public record Operation(String resource, String action, Map<String, Object> arguments) {
    public Operation {
        arguments = arguments == null ? Map.of() : Map.copyOf(arguments);
    }

    public OperationType type() {
        return new OperationType(resource, action);
    }
}
