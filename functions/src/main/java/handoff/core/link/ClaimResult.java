package handoff.core.link;

import handoff.core.session.Session;

/** What a claim with a claim code came to. */
public sealed interface ClaimResult {
    record Claimed(Link link, Session session) implements ClaimResult {}

    /** No link has this claim code (or its lookup was removed long after expiry). */
    record NotFound() implements ClaimResult {}

    record SessionActive(Link link) implements ClaimResult {}

    record Completed(Link link) implements ClaimResult {}

    record Expired(Link link) implements ClaimResult {}

    record AttemptsExhausted(Link link) implements ClaimResult {}
}
