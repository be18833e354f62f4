package handoff.core.link;

import handoff.core.RateLimitedException;
import handoff.core.ServiceUnavailableException;
import handoff.core.claimtoken.ClaimToken;
import handoff.core.integration.IntegrationRegistry;
import handoff.core.ratelimit.FixedWindowLimit;
import handoff.core.link.LinkRepository.LinkHistory;
import handoff.core.secret.SecretKind;
import handoff.core.secret.Secrets;
import handoff.core.session.OperationProgress;
import handoff.core.session.Session;
import handoff.core.session.SessionEnding;
import handoff.core.session.SessionQueue;
import handoff.core.session.SessionRepository;
import handoff.core.session.SessionStatus;
import handoff.core.session.SessionTicket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Creating, claiming and reading links: the rules of the link lifecycle. */
public final class LinkService {
    /** Claims that lose a race against a write that left the link claimable (rare) are retried this often. */
    private static final int CLAIM_RACE_RETRIES = 5;

    private final LinkRepository links;
    private final SessionRepository sessions;
    private final SessionQueue queue;
    private final IntegrationRegistry integrations;
    private final Secrets secrets;
    private final Clock clock;
    private final Duration sessionDeadline;
    private final FixedWindowLimit anonymousCreates;

    public LinkService(LinkRepository links, SessionRepository sessions, SessionQueue queue,
                       IntegrationRegistry integrations, Secrets secrets, Clock clock, Duration sessionDeadline,
                       FixedWindowLimit anonymousCreates) {
        this.links = links;
        this.sessions = sessions;
        this.queue = queue;
        this.integrations = integrations;
        this.secrets = secrets;
        this.clock = clock;
        this.sessionDeadline = sessionDeadline;
        this.anonymousCreates = anonymousCreates;
    }

    /** Creates a pending link owned by {@code owner}. */
    public CreatedLink create(LinkDraft draft, Owner owner) {
        draft.validate(integrations);
        return insert(draft, owner);
    }

    /**
     * Creates an anonymous link with a claim token that a human can later consume to become its owner.
     * Each source address may create only so many per window; bad drafts are refused before they count.
     *
     * @throws RateLimitedException when {@code sourceAddress} used up its allowance
     */
    public CreatedLink createAnonymous(LinkDraft draft, String sourceAddress) {
        draft.validate(integrations);
        anonymousCreates.check(sourceAddress).ifPresent(retryAfter -> {
            throw new RateLimitedException("Too many anonymous links from this address; retry in " + retryAfter
                    + " s or use an API key.", retryAfter);
        });
        return insert(draft, null);
    }

    private CreatedLink insert(LinkDraft draft, Owner owner) {
        Instant now = clock.instant();
        Link link = new Link(secrets.newId("link_"), draft.integrationId(), draft.operations(), draft.returnUrl(),
                LinkStatus.PENDING, now, now.plus(draft.lifetimeOrDefault()), owner, draft.policies(), 0, null, null);
        String claimCode = secrets.mint(SecretKind.CLAIM_CODE);
        if (owner != null) {
            links.insert(link, Secrets.hash(claimCode), null);
            return new CreatedLink(link, claimCode, null, null);
        }
        String claimToken = secrets.mint(SecretKind.CLAIM_TOKEN);
        Instant windowCloses = now.plus(ClaimToken.WINDOW);
        links.insert(link, Secrets.hash(claimCode),
                new ClaimToken(Secrets.hash(claimToken), link.linkId(), windowCloses, null, null));
        return new CreatedLink(link, claimCode, claimToken, windowCloses);
    }

    /**
     * Starts a new session for the link behind {@code claimCode} and queues it. Exactly one of any number
     * of concurrent claims wins; the others see the session it started.
     */
    public ClaimResult claim(String claimCode) {
        Optional<String> linkId = links.findLinkIdByClaimCodeHash(Secrets.hash(claimCode));
        if (linkId.isEmpty()) return new ClaimResult.NotFound();
        for (int round = 0; round < CLAIM_RACE_RETRIES; round++) {
            Optional<Link> found = links.find(linkId.get());
            if (found.isEmpty()) return new ClaimResult.NotFound();
            Link link = found.get();
            Instant now = clock.instant();
            Optional<ClaimResult> refusal = refusal(link, now);
            if (refusal.isPresent()) return refusal.get();
            Session session = newSession(link, now);
            if (links.startSession(link, session, now)) {
                return queueOrRollBack(link, session);
            }
        }
        return links.find(linkId.get()).flatMap(l -> refusal(l, clock.instant()))
                .orElseThrow(() -> new ServiceUnavailableException("Claim kept losing races", null));
    }

    public Optional<LinkHistory> history(String linkId) {
        return links.findWithSessions(linkId);
    }

    public Optional<LinkHistory> historyByClaimCode(String claimCode) {
        return links.findLinkIdByClaimCodeHash(Secrets.hash(claimCode)).flatMap(links::findWithSessions);
    }

    public LinkRepository.LinkPage listByOwner(Owner owner, int limit, String cursor) {
        return links.listByOwner(owner, limit, cursor);
    }

    public Instant now() {
        return clock.instant();
    }

    private Optional<ClaimResult> refusal(Link link, Instant now) {
        return switch (link.statusAt(now)) {
            case EXPIRED -> Optional.of(new ClaimResult.Expired(link));
            case COMPLETE -> Optional.of(new ClaimResult.Completed(link));
            case ACTIVE -> Optional.of(new ClaimResult.SessionActive(link));
            case PENDING, FAILED -> link.attempts() >= link.policies().maxAttempts()
                    ? Optional.of(new ClaimResult.AttemptsExhausted(link))
                    : Optional.empty();
        };
    }

    private Session newSession(Link link, Instant now) {
        Instant deadline = now.plus(sessionDeadline);
        if (deadline.isAfter(link.expiresAt())) deadline = link.expiresAt();
        List<OperationProgress> progress = link.operations().stream()
                .map(op -> OperationProgress.pending(op.resource(), op.action())).toList();
        return new Session(secrets.newId("sess_"), link.linkId(), link.attempts() + 1, SessionStatus.ACTIVE,
                now, deadline, null, progress, null, null, null, null);
    }

    /** A session nobody will run must not stay active: fail it, so the link can be claimed again. */
    private ClaimResult queueOrRollBack(Link before, Session session) {
        Link active = new Link(before.linkId(), before.integrationId(), before.operations(), before.returnUrl(),
                LinkStatus.ACTIVE, before.createdAt(), before.expiresAt(), before.owner(), before.policies(),
                session.attempt(), session.sessionId(), null);
        try {
            queue.enqueue(new SessionTicket(active.linkId(), session.sessionId(), session.attempt()));
        } catch (RuntimeException queueFailure) {
            sessions.end(active, session, session.progress(),
                    SessionEnding.failed("queue_unavailable", "The session could not be queued; claim again."),
                    clock.instant());
            throw queueFailure instanceof ServiceUnavailableException unavailable ? unavailable
                    : new ServiceUnavailableException("Could not queue the session", queueFailure);
        }
        return new ClaimResult.Claimed(active, session);
    }

}
