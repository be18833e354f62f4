package handoff.core.link;

import handoff.core.claimtoken.ClaimToken;
import handoff.core.session.Session;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where links, their claim codes and their sessions are kept. Every change is conditional. */
public interface LinkRepository {

    /**
     * Stores a new link together with the lookup from its claim code's hash and, for an anonymous link,
     * its claim-token record ({@code claimToken} null otherwise), all or nothing.
     */
    void insert(Link link, String claimCodeHash, ClaimToken claimToken);

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

    /**
     * Links owned by {@code owner}, newest first.
     *
     * @param cursor where the previous page ended (opaque), or null for the first page
     * @throws handoff.core.InvalidRequestException {@code invalid_cursor} for a cursor that is not one of
     *     this owner's
     */
    LinkPage listByOwner(Owner owner, int limit, String cursor);

    /** @param nextCursor null on the last page */
    record LinkPage(List<Link> links, String nextCursor) {}

    record LinkHistory(Link link, List<Session> sessionsNewestFirst) {}
}
