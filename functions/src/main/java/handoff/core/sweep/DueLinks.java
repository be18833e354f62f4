package handoff.core.sweep;

import handoff.core.link.Link;
import java.time.Instant;
import java.util.List;

/** The links whose time has come: expiry, or their active session's deadline. */
public interface DueLinks {
    int shards();

    /**
     * One page of links in {@code shard} that were due at or before {@code now}.
     *
     * @param cursor where the previous page of this shard ended, or null
     */
    Page due(int shard, Instant now, int limit, String cursor);

    /**
     * Marks a pending or failed link expired if it is still exactly as {@code observed} and past its
     * expiry at {@code now}, and takes it out of the due index.
     *
     * @param ttl when the record may be deleted, or null to keep it
     * @return false if a claim, completion or anything else changed the link first; nothing was written
     */
    boolean expire(Link observed, Instant now, Instant ttl);

    /**
     * @param itemsRead how many index items the page read, for cost accounting
     * @param nextCursor null when the shard has no more due links
     */
    record Page(List<Link> links, int itemsRead, String nextCursor) {}
}
