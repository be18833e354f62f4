package handoff.core.session;

import java.time.Instant;
import java.util.Map;

/**
 * How far one operation of a session got.
 *
 * @param result the data it returned, once succeeded; else null
 * @param errorCode why it failed, else null
 */
public record OperationProgress(String resource, String action, State state, Map<String, Object> result,
                                String errorCode, Instant finishedAt) {
    public enum State { PENDING, SUCCEEDED, FAILED }

    public static OperationProgress pending(String resource, String action) {
        return new OperationProgress(resource, action, State.PENDING, null, null, null);
    }
}
