package handoff.core.claimtoken;

import java.util.Optional;

/** Turns a presented identity token into a verified identity. */
public interface IdentityVerifier {
    /**
     * @return empty if the token is not a valid, unexpired token from the configured issuer for this
     *     audience; throws {@link handoff.core.ServiceUnavailableException} if the issuer's keys cannot be
     *     fetched
     */
    Optional<Identity> verify(String token);
}
