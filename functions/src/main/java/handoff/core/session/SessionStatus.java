package handoff.core.session;

import java.util.Locale;

public enum SessionStatus {
    ACTIVE, COMPLETE, FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SessionStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
