package handoff.core.integration;

import java.util.Map;

/** What running one operation produced. */
public sealed interface OperationOutcome {
    record Succeeded(Map<String, Object> data) implements OperationOutcome {
        public Succeeded {
            data = Map.copyOf(data);
        }
    }

    record Failed(String code, String message) implements OperationOutcome {}
}
