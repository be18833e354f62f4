package handoff.core.session;

import handoff.core.integration.Integration;
import handoff.core.integration.IntegrationRegistry;
import handoff.core.integration.Operation;
import handoff.core.integration.OperationOutcome;
import handoff.core.integration.RunContext;
import handoff.core.link.Link;
import handoff.core.link.LinkRepository;
import handoff.core.link.LinkStatus;
import handoff.core.secret.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a session's operations in order, recording progress after each one. Safe under duplicate and
 * late delivery: a finished session is left alone, a running one is held by a lease, and every write is
 * conditional on the session still being active, so an outcome recorded by the sweeper is never
 * overwritten.
 */
public final class SessionRunner {
    /** What the caller should do with the message that asked for the run. */
    public enum Outcome {
        /** The session reached an end (or had already): acknowledge the message. */
        FINISHED,
        /** Nothing to do for this message (unknown or stale session): acknowledge it. */
        IGNORED,
        /** Another run holds the session: leave the message for redelivery. */
        BUSY
    }

    private final LinkRepository links;
    private final SessionRepository sessions;
    private final IntegrationRegistry integrations;
    private final Secrets secrets;
    private final Clock clock;
    private final Duration leaseLength;

    public SessionRunner(LinkRepository links, SessionRepository sessions, IntegrationRegistry integrations,
                         Secrets secrets, Clock clock, Duration leaseLength) {
        this.links = links;
        this.sessions = sessions;
        this.integrations = integrations;
        this.secrets = secrets;
        this.clock = clock;
        this.leaseLength = leaseLength;
    }

    public Outcome run(SessionTicket ticket) {
        Optional<Session> found = sessions.find(ticket.linkId(), ticket.attempt())
                .filter(s -> s.sessionId().equals(ticket.sessionId()));
        Optional<Link> link = links.find(ticket.linkId());
        if (found.isEmpty() || link.isEmpty()) return Outcome.IGNORED;
        Session session = found.get();
        if (session.status() != SessionStatus.ACTIVE) return Outcome.IGNORED;

        Instant now = clock.instant();
        String leaseId = secrets.newId("lease_");
        if (!sessions.acquireLease(session, leaseId, now, now.plus(leaseLength))) return Outcome.BUSY;
        return runOperations(link.get(), session, leaseId);
    }

    private Outcome runOperations(Link link, Session session, String leaseId) {
        Integration integration = integrations.find(link.integrationId()).orElse(null);
        List<OperationProgress> progress = new ArrayList<>(session.progress());
        if (integration == null) {
            return end(link, session, progress, SessionEnding.failed("unknown_integration",
                    "Integration " + link.integrationId() + " is no longer available."));
        }
        for (int i = session.completedOperations(); i < link.operations().size(); i++) {
            Operation operation = link.operations().get(i);
            OperationOutcome outcome = integration.run(
                    new RunContext(link.linkId(), session.sessionId(), session.attempt()), operation);
            Instant finishedAt = clock.instant();
            switch (outcome) {
                case OperationOutcome.Succeeded ok -> {
                    progress.set(i, new OperationProgress(operation.resource(), operation.action(),
                            OperationProgress.State.SUCCEEDED, ok.data(), null, finishedAt));
                    if (!sessions.recordProgress(session, leaseId, i, progress)) return Outcome.IGNORED;
                }
                case OperationOutcome.Failed failed -> {
                    progress.set(i, new OperationProgress(operation.resource(), operation.action(),
                            OperationProgress.State.FAILED, null, failed.code(), finishedAt));
                    return end(link, session, progress, SessionEnding.failed(failed.code(), failed.message()));
                }
            }
        }
        return end(link, session, progress, SessionEnding.completed(
                progress.stream().map(OperationProgress::result).toList()));
    }

    private Outcome end(Link link, Session session, List<OperationProgress> progress, SessionEnding ending) {
        Instant now = clock.instant();
        if (sessions.end(link, session, progress, ending, now)) return Outcome.FINISHED;
        // Completing needs the link alive; if its lifetime ran out mid-run, the session fails and the link expires.
        if (ending.linkStatus() == LinkStatus.COMPLETE && link.statusAt(now) == LinkStatus.EXPIRED
                && sessions.end(link, session, progress, SessionEnding.linkExpired(), now)) {
            return Outcome.FINISHED;
        }
        return Outcome.IGNORED;
    }
}
