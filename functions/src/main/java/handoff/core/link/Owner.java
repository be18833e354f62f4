package handoff.core.link;

import java.util.Locale;

/** Who a link belongs to: the tenant whose API key created it, or the user or organization that claimed it. */
public record Owner(Kind kind, String id) {
    public enum Kind {
        TENANT, USER, ORGANIZATION;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind fromWire(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public static Owner tenant(String tenantId) {
        return new Owner(Kind.TENANT, tenantId);
    }
}
