package handoff.core.sweep;

/**
 * What one sweep did.
 *
 * @param examined due links looked at
 * @param expired links marked expired
 * @param sessionsFailed active sessions failed because their deadline passed
 * @param itemsRead index items read, which is what a sweep costs
 * @param finished false if the time budget ran out first (the rest waits for the next run)
 */
public record SweepReport(int examined, int expired, int sessionsFailed, int itemsRead, boolean finished) {}
