package handoff.infra;

import handoff.names.Functions;
import handoff.names.Names;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What each function needs: memory, timeout, and exactly the DynamoDB and SQS actions its code calls.
 * The switch is exhaustive, so a new {@link Functions} value does not compile until it is sized and
 * granted here.
 *
 * @param tableActions  actions on the base table (items only; none of them reach an index)
 * @param queriedIndex  the one GSI the function may Query, if any
 * @param sendsSessions whether it may {@code sqs:SendMessage} to the sessions queue
 */
record FunctionProfile(int memoryMb, Duration timeout, List<String> tableActions, Optional<Names.Index> queriedIndex,
                       boolean sendsSessions) {

    static final String GET_ITEM = "dynamodb:GetItem";
    static final String QUERY = "dynamodb:Query";
    static final String PUT_ITEM = "dynamodb:PutItem";
    static final String UPDATE_ITEM = "dynamodb:UpdateItem";
    static final String TRANSACT_WRITE_ITEMS = "dynamodb:TransactWriteItems";
    static final String CONDITION_CHECK_ITEM = "dynamodb:ConditionCheckItem";

    /** Reads a link (or key/token lookup) by key, or a link with its sessions (same partition). */
    static final List<String> READ = List.of(GET_ITEM, QUERY);
    /**
     * Conditional puts/updates and transactions. No DeleteItem or BatchWriteItem anywhere: records go
     * away through TTL, and every state change is a conditional write.
     */
    static final List<String> WRITE = List.of(PUT_ITEM, UPDATE_ITEM, TRANSACT_WRITE_ITEMS, CONDITION_CHECK_ITEM);
    static final List<String> READ_WRITE = Stream.concat(READ.stream(), WRITE.stream()).toList();

    /**
     * HTTP handlers: 1024 MB because Lambda allots CPU in proportion to memory and a JVM restoring
     * from a SnapStart snapshot is CPU-bound for its first requests; the jar is the same for all, so
     * memory is the only lever. 10 s: each request is a handful of single-digit-ms DynamoDB calls (the
     * consume handler may also fetch the issuer's JWKS once per container); well under the HTTP API's
     * 30 s integration limit, it bounds what a hung dependency can cost.
     */
    private static final int API_MEMORY_MB = 1024;
    private static final Duration API_TIMEOUT = Duration.ofSeconds(10);

    static FunctionProfile of(Functions function) {
        return switch (function) {
            // Creates the link with its claim-code/claim-token lookups in one transaction, counts
            // anonymous creations (UpdateItem), reads the API key by key. Never queues.
            case CREATE_LINK -> new FunctionProfile(API_MEMORY_MB, API_TIMEOUT,
                    List.of(GET_ITEM, PUT_ITEM, UPDATE_ITEM, TRANSACT_WRITE_ITEMS, CONDITION_CHECK_ITEM),
                    Optional.empty(), false);
            // Reads the link and its sessions, writes the new session and queues {linkId, sessionId}.
            case CLAIM_LINK -> new FunctionProfile(API_MEMORY_MB, API_TIMEOUT, READ_WRITE, Optional.empty(), true);
            // Read-only: the link with all its sessions.
            case LINK_STATUS -> new FunctionProfile(API_MEMORY_MB, API_TIMEOUT, READ, Optional.empty(), false);
            // Binds the owner atomically (transaction over token lookup and link).
            case CONSUME_CLAIM_TOKEN ->
                    new FunctionProfile(API_MEMORY_MB, API_TIMEOUT, READ_WRITE, Optional.empty(), false);
            // Read-only listing through the owner index (projection ALL: no item reads needed).
            case LIST_OWNED_LINKS ->
                    new FunctionProfile(API_MEMORY_MB, API_TIMEOUT, List.of(), Optional.of(Names.OWNER_INDEX), false);
            // Runs the operations of one session per message; the timeout is shared with the queue's
            // visibility timeout through Names. 1024 MB: integrations are network-bound, but the
            // batch of up to WORKER_BATCH_SIZE sessions is processed on one JVM.
            case SESSION_WORKER ->
                    new FunctionProfile(1024, Names.WORKER_TIMEOUT, READ_WRITE, Optional.empty(), false);
            // Pages through the sparse expiry index and marks links expired / sessions failed with
            // conditional writes. 512 MB is plenty for paging; 120 s leaves room for a backlog and
            // still ends well before the next run five minutes later.
            case EXPIRY_SWEEPER -> new FunctionProfile(512, Duration.ofSeconds(120), READ_WRITE,
                    Optional.of(Names.EXPIRY_INDEX), false);
        };
    }
}
