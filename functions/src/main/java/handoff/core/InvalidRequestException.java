package handoff.core;

/** Input that can never succeed as sent; becomes a 4xx with {@link #code()} naming the problem. */
public class InvalidRequestException extends RuntimeException {
    private final String code;

    public InvalidRequestException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
