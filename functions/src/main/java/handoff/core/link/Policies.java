package handoff.core.link;

/** Settings fixed when the link is created. {@code maxAttempts} bounds how many sessions it may start. */
public record Policies(int maxAttempts) {
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    public static final int MAX_MAX_ATTEMPTS = 20;

    public static Policies defaults() {
        return new Policies(DEFAULT_MAX_ATTEMPTS);
    }
}
