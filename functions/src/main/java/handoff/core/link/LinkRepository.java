package handoff.core.link;

import handoff.core.session.Session;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where links, their claim codes and their sessions are kept. Every change is conditional. */
public interface LinkRepository {

    /** Stores a new link together with the lookup from its claim code's hash. */
    void insert(Link link, String claimCodeHash);

    Optional<Link> find(String linkId);

    /** The link and all its sessions, newest session first. */
    Optional<LinkHistory> findWithSessions(String linkId);

    Optional<String> findLinkIdByClaimCodeHash(String claimCodeHash);

    /**
     * Makes {@code session} the link's active session, atomically with recording it, if the link is still
     * exactly as {@code observed} (same status and attempt count) and not expired at {@code now}.
     *
     * @return false if another writer got there first or the link expired; nothing was written then
     */
    boolean startSession(Link observed, Session session, Instant now);

    record LinkHistory(Link link, List<Session> sessionsNewestFirst) {}
}
