package handoff.core.sweep;

import handoff.core.link.Link;
import handoff.core.link.LinkStatus;
import handoff.core.link.Owner;
import handoff.core.session.Session;
import handoff.core.session.SessionEnding;
import handoff.core.session.SessionRepository;
import handoff.core.session.SessionStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Nothing stays pending or active forever. Reads and claims already treat a link past its expiry as
 * expired; the sweep makes the records say so, fails sessions whose worker never finished (so the link
 * can be claimed again), and takes finished links out of the due index. It reads only the due index,
 * so its cost follows the work, not the table. Every write is conditional: a racing claim, completion
 * or consume either wins or makes the sweep's write a no-op, never half of each.
 */
public final class ExpirySweep {
    /** A tenant link that expired without ever being claimed has no history worth keeping long. */
    public static final Duration UNCLAIMED_RETENTION = Duration.ofDays(30);
    static final int PAGE_SIZE = 100;

    private final DueLinks due;
    private final SessionRepository sessions;
    private final Clock clock;

    public ExpirySweep(DueLinks due, SessionRepository sessions, Clock clock) {
        this.due = due;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** @param timeLeft checked between links; when it turns false the sweep stops and reports unfinished */
    public SweepReport sweep(BooleanSupplier timeLeft) {
        int examined = 0, expired = 0, sessionsFailed = 0, itemsRead = 0;
        Instant now = clock.instant();
        for (int shard = 0; shard < due.shards(); shard++) {
            String cursor = null;
            do {
                if (!timeLeft.getAsBoolean()) {
                    return new SweepReport(examined, expired, sessionsFailed, itemsRead, false);
                }
                DueLinks.Page page = due.due(shard, now, PAGE_SIZE, cursor);
                itemsRead += page.itemsRead();
                for (Link link : page.links()) {
                    examined++;
                    switch (settle(link, now)) {
                        case EXPIRED -> expired++;
                        case SESSION_FAILED -> sessionsFailed++;
                        case UNCHANGED -> { }
                    }
                }
                cursor = page.nextCursor();
            } while (cursor != null);
        }
        return new SweepReport(examined, expired, sessionsFailed, itemsRead, true);
    }

    private enum Settled { EXPIRED, SESSION_FAILED, UNCHANGED }

    private Settled settle(Link link, Instant now) {
        boolean pastExpiry = !now.isBefore(link.expiresAt());
        if ((link.status() == LinkStatus.PENDING || link.status() == LinkStatus.FAILED) && pastExpiry) {
            return due.expire(link, now, retention(link)) ? Settled.EXPIRED : Settled.UNCHANGED;
        }
        if (link.status() != LinkStatus.ACTIVE) return Settled.UNCHANGED;
        Optional<Session> session = sessions.find(link.linkId(), link.attempts())
                .filter(s -> s.status() == SessionStatus.ACTIVE && !now.isBefore(s.deadline()));
        if (session.isEmpty()) return Settled.UNCHANGED;
        SessionEnding ending = pastExpiry
                ? SessionEnding.linkExpired()
                : SessionEnding.failed("session_timeout", "The session did not finish before its deadline; claim again.");
        if (!sessions.end(link, session.get(), session.get().progress(), ending, now)) return Settled.UNCHANGED;
        return pastExpiry ? Settled.EXPIRED : Settled.SESSION_FAILED;
    }

    /** Anonymous links are permanent; tenant links with sessions keep their history; the rest go later. */
    private static Instant retention(Link link) {
        boolean neverClaimedTenantLink = link.owner() != null && link.owner().kind() == Owner.Kind.TENANT
                && link.attempts() == 0;
        return neverClaimedTenantLink ? link.expiresAt().plus(UNCLAIMED_RETENTION) : null;
    }
}
