package handoff.core;

/**
 * A dependency is throttling or briefly unreachable. Nothing was left half-written; the caller may
 * retry the same request. Becomes a 503 with {@code Retry-After}.
 */
public class ServiceUnavailableException extends RuntimeException {
    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
