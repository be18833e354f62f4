package handoff.core.session;

import java.time.Instant;
import java.util.List;

/**
 * One attempt at running a link's operations. Every attempt stays recorded; {@code attempt} counts
 * from 1 and orders them.
 *
 * @param deadline after this the sweeper fails the session ({@code session_timeout})
 * @param leaseId the worker run that currently holds the session, or null
 * @param leaseUntil when that hold lapses, or null
 */
public record Session(
        String sessionId,
        String linkId,
        int attempt,
        SessionStatus status,
        Instant startedAt,
        Instant deadline,
        Instant finishedAt,
        List<OperationProgress> progress,
        String errorCode,
        String errorMessage,
        String leaseId,
        Instant leaseUntil) {

    public Session {
        progress = List.copyOf(progress);
    }

    /** How many operations have succeeded, i.e. the index of the next one to run. */
    public int completedOperations() {
        return (int) progress.stream().filter(p -> p.state() == OperationProgress.State.SUCCEEDED).count();
    }
}
