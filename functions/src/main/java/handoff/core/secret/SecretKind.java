package handoff.core.secret;

/**
 * Every kind of secret Handoff mints. The typed prefix lets secret scanners recognise a leaked one
 * and tells a person at a glance what they are holding.
 */
public enum SecretKind {
    API_KEY("hndk_"),
    CLAIM_CODE("hndc_"),
    CLAIM_TOKEN("hndt_");

    public final String prefix;

    SecretKind(String prefix) {
        this.prefix = prefix;
    }
}
