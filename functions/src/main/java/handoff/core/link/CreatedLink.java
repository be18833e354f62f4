package handoff.core.link;

import java.time.Instant;

/**
 * A new link with the secrets that exist only in this response; the store keeps their hashes.
 *
 * @param claimToken for anonymous links only (else null): binds the link to whoever consumes it
 * @param claimTokenExpiresAt when the claim token's window closes, or null
 */
public record CreatedLink(Link link, String claimCode, String claimToken, Instant claimTokenExpiresAt) {}
