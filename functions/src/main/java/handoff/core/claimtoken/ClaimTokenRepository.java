package handoff.core.claimtoken;

import handoff.core.link.Link;
import handoff.core.link.Owner;
import java.time.Instant;
import java.util.Optional;

/** Claim-token records, known only by the token's hash. */
public interface ClaimTokenRepository {

    Optional<ClaimToken> find(String tokenHash);

    /**
     * Marks the token consumed and makes {@code owner} the owner of {@code link} (the token's link), in one
     * transaction, if the token is unconsumed and inside its window at {@code now} and the link still
     * exists and has no owner.
     *
     * @return false if any of that did not hold; nothing was written then
     */
    boolean consume(ClaimToken token, Link link, Owner owner, Instant now);
}
