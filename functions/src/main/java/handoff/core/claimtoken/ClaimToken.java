package handoff.core.claimtoken;

import handoff.core.link.Owner;
import java.time.Duration;
import java.time.Instant;

/**
 * The stored side of a claim token: only its hash, the link it binds, and its fixed window.
 *
 * @param consumedAt when someone took ownership with it, or null
 * @param consumedBy who did, or null
 */
public record ClaimToken(String tokenHash, String linkId, Instant expiresAt, Instant consumedAt, Owner consumedBy) {
    /** Fixed at creation; reads and activity never extend it. */
    public static final Duration WINDOW = Duration.ofDays(30);

    public boolean consumed() {
        return consumedAt != null;
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
