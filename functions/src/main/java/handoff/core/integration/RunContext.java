package handoff.core.integration;

/**
 * Which session an operation runs for. {@code linkId} identifies the user's account to the integration
 * until integrations carry real credentials; {@code attempt} counts the link's sessions from 1.
 */
public record RunContext(String linkId, String sessionId, int attempt) {}
