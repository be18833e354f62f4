package handoff.core.link;

import handoff.core.integration.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A cheap, unguessable intent to run {@code operations} on a user's account at one integration.
 * {@code status} is what was last written; {@link #statusAt} is what callers see, because a link whose
 * {@code expiresAt} has passed is expired whether or not the sweeper has marked it yet.
 *
 * @param returnUrl as given at creation (without {@code linkId}), or null
 * @param owner null while an anonymous link is unclaimed
 * @param activeSessionId the running session while {@code status} is active, else null
 * @param result what the operations returned, once complete; else null
 */
public record Link(
        String linkId,
        String integrationId,
        List<Operation> operations,
        String returnUrl,
        LinkStatus status,
        Instant createdAt,
        Instant expiresAt,
        Owner owner,
        Policies policies,
        int attempts,
        String activeSessionId,
        List<Map<String, Object>> result) {

    public Link {
        operations = List.copyOf(operations);
    }

    public LinkStatus statusAt(Instant now) {
        return status.canExpire() && !now.isBefore(expiresAt) ? LinkStatus.EXPIRED : status;
    }

    public boolean anonymous() {
        return owner == null;
    }

    public boolean ownedBy(Owner candidate) {
        return candidate.equals(owner);
    }
}
