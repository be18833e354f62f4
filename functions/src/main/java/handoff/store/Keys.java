package handoff.store;

import handoff.core.link.Owner;
import handoff.names.Names;
import java.time.Instant;
import java.util.Locale;

/**
 * The key design of the one table. Every item has {@code PK}/{@code SK}:
 *
 * <pre>
 * item                 PK                        SK              GSI1 (owner index)                GSI2 (expiry index, sparse)
 * link                 LINK#{linkId}             LINK            OWNER#{kind}#{id} / {created}#{id} EXP#{shard} / {dueAt}#{linkId}
 * session              LINK#{linkId}             SESSION#{00001} -                                 -
 * claim-code lookup    CLAIMCODE#{sha256}        CLAIMCODE       -                                 -
 * claim-token record   CLAIMTOKEN#{sha256}       CLAIMTOKEN      -                                 -
 * API key              APIKEY#{sha256}           APIKEY          -                                 -
 * rate-limit counter   RATE#{name}#{subject}#{w} RATE            -                                 -
 * </pre>
 *
 * A link and its sessions share a partition, so one query returns the link with every attempt,
 * newest first. A link is in the expiry index only while it can still expire or time out;
 * {@code dueAt} is when the sweeper must look at it (its expiry, or its active session's deadline).
 */
final class Keys {
    static final String PK = Names.PARTITION_KEY;
    static final String SK = Names.SORT_KEY;
    static final String TTL = Names.TTL;
    static final String OWNER_PK = Names.OWNER_INDEX.partitionKey();
    static final String OWNER_SK = Names.OWNER_INDEX.sortKey();
    static final String DUE_PK = Names.EXPIRY_INDEX.partitionKey();
    static final String DUE_SK = Names.EXPIRY_INDEX.sortKey();

    static final String LINK_SK = "LINK";
    static final String SESSION_SK_PREFIX = "SESSION#";
    static final String CLAIM_CODE_SK = "CLAIMCODE";
    static final String API_KEY_SK = "APIKEY";
    static final String CLAIM_TOKEN_SK = "CLAIMTOKEN";
    static final String RATE_SK = "RATE";

    private Keys() {}

    static String linkPk(String linkId) {
        return "LINK#" + linkId;
    }

    static String sessionSk(int attempt) {
        return SESSION_SK_PREFIX + String.format(Locale.ROOT, "%05d", attempt);
    }

    static String claimCodePk(String claimCodeHash) {
        return "CLAIMCODE#" + claimCodeHash;
    }

    static String claimTokenPk(String claimTokenHash) {
        return "CLAIMTOKEN#" + claimTokenHash;
    }

    static String ratePk(String key) {
        return "RATE#" + key;
    }

    static String apiKeyPk(String apiKeyHash) {
        return "APIKEY#" + apiKeyHash;
    }

    static String ownerPk(Owner owner) {
        return "OWNER#" + owner.kind().wireName() + "#" + owner.id();
    }

    static String ownerSk(Instant createdAt, String linkId) {
        return sortableMillis(createdAt) + "#" + linkId;
    }

    static String duePk(String linkId) {
        return duePk(Math.floorMod(linkId.hashCode(), Names.EXPIRY_SHARDS));
    }

    static String duePk(int shard) {
        return "EXP#" + shard;
    }

    static String dueSk(Instant dueAt, String linkId) {
        return sortableMillis(dueAt) + "#" + linkId;
    }

    /** Epoch millis, zero-padded so that string order is time order. */
    static String sortableMillis(Instant instant) {
        return String.format(Locale.ROOT, "%015d", instant.toEpochMilli());
    }
}
