package handoff.core.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/** At most {@code limit} events per key per {@code window}, windows aligned to the epoch. */
public final class FixedWindowLimit {
    private final RateLimiter limiter;
    private final String name;
    private final int limit;
    private final Duration window;
    private final Clock clock;

    public FixedWindowLimit(RateLimiter limiter, String name, int limit, Duration window, Clock clock) {
        this.limiter = limiter;
        this.name = name;
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** @return empty if allowed, else the seconds until the window resets */
    public OptionalLong check(String subject) {
        Instant now = clock.instant();
        long windowMillis = window.toMillis();
        Instant windowEnd = Instant.ofEpochMilli((now.toEpochMilli() / windowMillis + 1) * windowMillis);
        if (limiter.tryAcquire(name + "#" + subject + "#" + windowEnd.toEpochMilli(), limit, windowEnd)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, Duration.between(now, windowEnd).toSeconds()));
    }
}
