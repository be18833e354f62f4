package handoff.core.integration;

/** A resource/action pair an integration declares, e.g. {@code payment_methods/read}. */
public record OperationType(String resource, String action) {
    @Override
    public String toString() {
        return resource + "/" + action;
    }
}
