package handoff.core.session;

/** Hands sessions to the workers. */
public interface SessionQueue {
    /** @throws handoff.core.ServiceUnavailableException if the ticket could not be queued */
    void enqueue(SessionTicket ticket);
}
