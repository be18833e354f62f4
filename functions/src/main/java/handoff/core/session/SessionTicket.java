package handoff.core.session;

/** The message that asks a worker to run a session. */
public record SessionTicket(String linkId, String sessionId, int attempt) {}
