package handoff.core.claimtoken;

import handoff.core.ServiceUnavailableException;
import handoff.core.link.Link;
import handoff.core.link.LinkRepository;
import handoff.core.secret.Secrets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Agent-to-human handoff: a signed-in human consumes a claim token and becomes the link's owner. */
public final class ClaimTokens {
    /** Consumers that lose a transaction conflict without a visible winner yet look again this often. */
    private static final int RACE_RETRIES = 5;

    private final ClaimTokenRepository tokens;
    private final LinkRepository links;
    private final Clock clock;

    public ClaimTokens(ClaimTokenRepository tokens, LinkRepository links, Clock clock) {
        this.tokens = tokens;
        this.links = links;
        this.clock = clock;
    }

    /**
     * Consumes a well-formed claim token for {@code identity}. Under any number of concurrent consumers
     * exactly one gets {@link ConsumeResult.Claimed}; the others see {@link ConsumeResult.AlreadyClaimed}.
     */
    public ConsumeResult consume(String claimToken, Identity identity) {
        String hash = Secrets.hash(claimToken);
        for (int round = 0; round < RACE_RETRIES; round++) {
            Optional<ClaimToken> found = tokens.find(hash);
            if (found.isEmpty()) return new ConsumeResult.NotFound();
            ClaimToken token = found.get();
            if (token.consumed()) return new ConsumeResult.AlreadyClaimed(token.linkId());
            Optional<Link> link = links.find(token.linkId());
            if (link.isEmpty()) return new ConsumeResult.NotFound();
            if (!link.get().anonymous()) {
                // The owner may have been set by a consumer that won since we read the token.
                boolean consumedMeanwhile = tokens.find(hash).map(ClaimToken::consumed).orElse(false);
                return consumedMeanwhile
                        ? new ConsumeResult.AlreadyClaimed(token.linkId())
                        : new ConsumeResult.AlreadyOwned(token.linkId());
            }
            Instant now = clock.instant();
            if (token.expiredAt(now)) return new ConsumeResult.Expired(token.linkId());
            if (tokens.consume(token, link.get(), identity.owner(), now)) {
                return new ConsumeResult.Claimed(link.get(), identity.owner());
            }
        }
        throw new ServiceUnavailableException("Claim token consumption kept conflicting", null);
    }
}
