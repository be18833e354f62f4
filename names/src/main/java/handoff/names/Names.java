package handoff.names;

import java.time.Duration;
import java.util.List;

/**
 * Every name that the functions, the CDK stack and the local runner must agree on. Changing a value
 * here changes it everywhere at once; nothing else spells these strings.
 */
public final class Names {
    private Names() {}

    /** Base of the table name; each stage (prod, dev, local, a test run) gets {@link #table(String)}. */
    public static final String TABLE = "handoff";
    public static final String PARTITION_KEY = "PK";
    public static final String SORT_KEY = "SK";
    /** DynamoDB TTL attribute, epoch seconds. Housekeeping only: every read and condition checks time itself. */
    public static final String TTL = "ttl";

    /** Links by owner, newest first: GSI1PK = owner, GSI1SK = creation time + link id. */
    public static final Index OWNER_INDEX = new Index("owner-index", "GSI1PK", "GSI1SK");
    /**
     * Sparse index of links that can still expire, sharded so no partition takes every write:
     * GSI2PK = shard, GSI2SK = expiresAt + link id. A link leaves it when it completes or expires.
     */
    public static final Index EXPIRY_INDEX = new Index("expiry-index", "GSI2PK", "GSI2SK");
    public static final List<Index> INDEXES = List.of(OWNER_INDEX, EXPIRY_INDEX);
    public static final int EXPIRY_SHARDS = 8;

    public static final String SESSIONS_QUEUE = "handoff-sessions";
    public static final String SESSIONS_DLQ = "handoff-sessions-dlq";
    /** A message that fails this many receives moves to the DLQ; the sweeper then fails its session. */
    public static final int SESSIONS_MAX_RECEIVES = 3;
    public static final Duration WORKER_TIMEOUT = Duration.ofSeconds(60);
    /** AWS recommends at least six times the function timeout. */
    public static final Duration SESSIONS_VISIBILITY_TIMEOUT = WORKER_TIMEOUT.multipliedBy(6);
    public static final int WORKER_BATCH_SIZE = 5;
    /**
     * A queued session can be received {@link #SESSIONS_MAX_RECEIVES} times, each hidden for the
     * visibility timeout, before it lands in the DLQ. The default deadline outlasts all of that, so the
     * sweeper never fails a session a worker may still pick up: 3 x 360 s + 60 s = 19 min.
     */
    public static final Duration DEFAULT_SESSION_DEADLINE =
            SESSIONS_VISIBILITY_TIMEOUT.multipliedBy(SESSIONS_MAX_RECEIVES).plus(WORKER_TIMEOUT);
    public static final int DEFAULT_ANONYMOUS_CREATES_PER_HOUR = 20;

    public static String table(String stage) {
        return TABLE + "-" + stage;
    }

    public static String sessionsQueue(String stage) {
        return SESSIONS_QUEUE + "-" + stage;
    }

    public static String sessionsDlq(String stage) {
        return SESSIONS_DLQ + "-" + stage;
    }

    /** Environment variables the functions read once per container. */
    public static final class Env {
        private Env() {}
        public static final String TABLE_NAME = "HANDOFF_TABLE_NAME";
        public static final String SESSIONS_QUEUE_URL = "HANDOFF_SESSIONS_QUEUE_URL";
        public static final String PUBLIC_BASE_URL = "HANDOFF_PUBLIC_BASE_URL";
        public static final String APP_BASE_URL = "HANDOFF_APP_BASE_URL";
        public static final String OIDC_ISSUER = "HANDOFF_OIDC_ISSUER";
        public static final String OIDC_AUDIENCE = "HANDOFF_OIDC_AUDIENCE";
        public static final String OIDC_JWKS_URL = "HANDOFF_OIDC_JWKS_URL";
        public static final String OIDC_ORG_CLAIM = "HANDOFF_OIDC_ORG_CLAIM";
        public static final String SESSION_COOKIE = "HANDOFF_SESSION_COOKIE";
        public static final String SIGN_IN_URL = "HANDOFF_SIGN_IN_URL";
        public static final String SIGN_UP_URL = "HANDOFF_SIGN_UP_URL";
        public static final String ANONYMOUS_CREATES_PER_HOUR = "HANDOFF_ANONYMOUS_CREATES_PER_HOUR";
        public static final String SESSION_DEADLINE_SECONDS = "HANDOFF_SESSION_DEADLINE_SECONDS";
    }

    public record Index(String name, String partitionKey, String sortKey) {}
}
