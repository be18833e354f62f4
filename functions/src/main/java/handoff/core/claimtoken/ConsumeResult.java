package handoff.core.claimtoken;

import handoff.core.link.Link;
import handoff.core.link.Owner;

/** What consuming a claim token came to. Each failure mode is its own case with its own answer. */
public sealed interface ConsumeResult {
    /** This consumer won: the link now belongs to {@code owner}. */
    record Claimed(Link link, Owner owner) implements ConsumeResult {}

    /** Someone already used the token; the link stays theirs. */
    record AlreadyClaimed(String linkId) implements ConsumeResult {}

    /** The window closed: the link stays usable but can no longer be bound to an account. */
    record Expired(String linkId) implements ConsumeResult {}

    /** No such token, or a token whose link is gone. Safe to retry with another URL. */
    record NotFound() implements ConsumeResult {}

    /** The link already has an owner; nothing changed. */
    record AlreadyOwned(String linkId) implements ConsumeResult {}
}
