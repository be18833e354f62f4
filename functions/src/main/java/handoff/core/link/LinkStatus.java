package handoff.core.link;

import java.util.Locale;

public enum LinkStatus {
    PENDING, ACTIVE, COMPLETE, FAILED, EXPIRED;

    /** States from which a claim may start a new session, if the link has not expired. */
    public boolean claimable() {
        return this == PENDING || this == FAILED;
    }

    /** States that end with time: everything not finished for good. */
    public boolean canExpire() {
        return this == PENDING || this == ACTIVE || this == FAILED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LinkStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
