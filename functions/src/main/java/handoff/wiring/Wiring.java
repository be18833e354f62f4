package handoff.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import handoff.core.claimtoken.ClaimTokens;
import handoff.core.claimtoken.IdentityVerifier;
import handoff.core.integration.IntegrationRegistry;
import handoff.core.ratelimit.FixedWindowLimit;
import handoff.identity.OidcVerifier;
import handoff.core.link.LinkService;
import handoff.core.secret.Secrets;
import handoff.core.session.SessionRunner;
import handoff.core.sweep.ExpirySweep;
import handoff.core.tenant.ApiKeys;
import handoff.names.Names;
import handoff.queue.SqsSessionQueue;
import handoff.store.ApiKeyStore;
import handoff.store.ClaimTokenStore;
import handoff.store.ExpiryStore;
import handoff.store.RateLimitStore;
import handoff.store.ItemMapper;
import handoff.store.LinkStore;
import handoff.store.SessionStore;
import java.time.Clock;
import software.amazon.awssdk.core.warmup.SdkWarmUp;
import java.time.Duration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the object graph by hand, once per container: no container, no scanning, no reflection.
 * Handlers take a {@code Wiring}; their no-arg constructors use {@link #production()}.
 */
public final class Wiring {
    private final Config config;
    private final ObjectMapper json;
    private final Clock clock;
    private final LinkService links;
    private final SessionRunner sessionRunner;
    private final ApiKeys apiKeys;
    private final ClaimTokens claimTokens;
    /** Built on first use: only the handlers that see humans pay for loading the JOSE library. */
    private IdentityVerifier identities;
    private final ExpirySweep expirySweep;

    public Wiring(Config config, DynamoDbClient dynamo, SqsClient sqs, Clock clock) {
        this(config, dynamo, sqs, clock, IntegrationRegistry.standard());
    }

    public Wiring(Config config, DynamoDbClient dynamo, SqsClient sqs, Clock clock, IntegrationRegistry integrations) {
        this.config = config;
        this.clock = clock;
        this.json = new ObjectMapper();
        Secrets secrets = new Secrets();
        ItemMapper items = new ItemMapper(json);
        LinkStore linkStore = new LinkStore(dynamo, config.tableName(), items);
        SessionStore sessionStore = new SessionStore(dynamo, config.tableName(), items);
        SqsSessionQueue queue = new SqsSessionQueue(sqs, config.sessionsQueueUrl(), json);
        FixedWindowLimit anonymousCreates = new FixedWindowLimit(new RateLimitStore(dynamo, config.tableName()),
                "anonymous-create", config.anonymousCreatesPerHour(), Duration.ofHours(1), clock);
        this.links = new LinkService(linkStore, sessionStore, queue, integrations, secrets, clock,
                config.sessionDeadline(), anonymousCreates);
        this.sessionRunner = new SessionRunner(linkStore, sessionStore, integrations, secrets, clock,
                Names.WORKER_TIMEOUT);
        this.apiKeys = new ApiKeys(new ApiKeyStore(dynamo, config.tableName()), secrets, clock);
        this.claimTokens = new ClaimTokens(new ClaimTokenStore(dynamo, config.tableName(), items), linkStore, clock);
        this.expirySweep = new ExpirySweep(new ExpiryStore(dynamo, config.tableName(), items), sessionStore, clock);
    }

    /**
     * Loads and initialises the SDK's request pipeline (marshalling, signing, endpoint rules) with canned
     * responses, no network and no credentials, so it is part of the SnapStart snapshot.
     */
    public void primeForSnapshot() {
        SdkWarmUp.warmUp(DynamoDbClient.class, SqsClient.class);
    }

    /** The container-wide graph for Lambda, built on first use from the environment. */
    public static Wiring production() {
        return Production.INSTANCE;
    }

    public Config config() { return config; }
    public ObjectMapper json() { return json; }
    public Clock clock() { return clock; }
    public LinkService links() { return links; }
    public SessionRunner sessionRunner() { return sessionRunner; }
    public ApiKeys apiKeys() { return apiKeys; }
    public ClaimTokens claimTokens() { return claimTokens; }
    public synchronized IdentityVerifier identities() {
        if (identities == null) {
            Config.Oidc oidc = config.oidc();
            identities = new OidcVerifier(oidc.issuer(), oidc.audience(), oidc.jwksUrl(), oidc.organizationClaim());
        }
        return identities;
    }
    public ExpirySweep expirySweep() { return expirySweep; }

    /** Holder idiom: the clients are built once, when a handler first asks, and shared by every invocation. */
    private static final class Production {
        static final Wiring INSTANCE = new Wiring(
                Config.fromEnvironment(System.getenv()),
                // Endpoints, region and credentials come from the standard AWS environment
                // (AWS_REGION, AWS_ENDPOINT_URL_DYNAMODB, ...), so the same jar runs in Lambda and locally.
                DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build(),
                SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build(),
                Clock.systemUTC());
    }
}
