package handoff.core.ratelimit;

import java.time.Instant;

/** Counts events per key in fixed windows. */
public interface RateLimiter {
    /**
     * Counts one event for {@code key} in the window ending at {@code windowEnd}, unless {@code limit}
     * events were already counted there.
     *
     * @return false if the limit was already reached (nothing counted)
     */
    boolean tryAcquire(String key, int limit, Instant windowEnd);
}
