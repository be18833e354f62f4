package handoff.core.session;

import handoff.core.link.Link;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Session records and their progress. Every write is conditional on the session still being active. */
public interface SessionRepository {

    Optional<Session> find(String linkId, int attempt);

    /**
     * Takes the session for one worker run, so duplicate deliveries never run operations side by side.
     *
     * @return false if the session is no longer active or another run holds an unexpired lease
     */
    boolean acquireLease(Session session, String leaseId, Instant now, Instant leaseUntil);

    /**
     * Records the progress list after operation {@code completedIndex} succeeded.
     *
     * @return false if the session stopped being active or the lease was lost
     */
    boolean recordProgress(Session session, String leaseId, int completedIndex, List<OperationProgress> progress);

    /**
     * Ends the session and moves its link, in one transaction: the session must still be active and the
     * link's active session; completing additionally requires the link not to have expired at {@code now}.
     *
     * @return false if any condition failed; nothing was written then
     */
    boolean end(Link link, Session session, List<OperationProgress> progress, SessionEnding ending, Instant now);
}
