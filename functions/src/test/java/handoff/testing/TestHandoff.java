package handoff.testing;

import static handoff.testing.Events.withBearer;
import static handoff.testing.Events.withBody;
import static handoff.testing.Events.withPathParameter;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import handoff.core.integration.IntegrationRegistry;
import handoff.embedded.EmbeddedAws;
import handoff.embedded.DevOidcIssuer;
import handoff.http.ClaimLinkHandler;
import handoff.http.ConsumeClaimTokenHandler;
import handoff.http.ListOwnedLinksHandler;
import handoff.http.CreateLinkHandler;
import handoff.http.LinkStatusHandler;
import handoff.names.Names;
import handoff.queue.QueueProvisioner;
import handoff.store.TableProvisioner;
import handoff.sweeper.ExpirySweeperHandler;
import handoff.wiring.Config;
import handoff.wiring.Wiring;
import handoff.worker.SessionWorkerHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * One Handoff stage for one test: its own table and queues on the JVM's shared DynamoDB Local and
 * ElasticMQ, the real handlers wired to them, a clock the test moves, and two tenants with API keys.
 */
public final class TestHandoff {
    public static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
    private static final AtomicInteger STAGES = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    public final MutableClock clock = new MutableClock(START);
    public final String stage = "it" + STAGES.incrementAndGet() + "x" + Long.toString(System.nanoTime(), 36);
    public final DynamoDbClient dynamo;
    public final SqsClient sqs;
    public final String table = Names.table(stage);
    public final String queueUrl;
    public final Wiring wiring;
    public final String apiKey;
    public final String otherTenantApiKey;

    public final CreateLinkHandler createLink;
    public final ClaimLinkHandler claimLink;
    public final LinkStatusHandler linkStatus;
    public final SessionWorkerHandler worker;
    public final ConsumeClaimTokenHandler consumeClaimToken;
    public final ListOwnedLinksHandler listOwnedLinks;
    public final ExpirySweeperHandler sweeper;

    /** Where the stage's table and queues live: DynamoDB Local and ElasticMQ here, or LocalStack. */
    public record AwsClients(DynamoDbClient dynamo, SqsClient sqs) {
        public static AwsClients embedded() {
            EmbeddedAws aws = SharedAws.get();
            return new AwsClients(aws.dynamo(), aws.sqs());
        }
    }

    public TestHandoff() {
        this(IntegrationRegistry.standard(), AwsClients.embedded());
    }

    public TestHandoff(IntegrationRegistry integrations) {
        this(integrations, AwsClients.embedded());
    }

    public TestHandoff(IntegrationRegistry integrations, AwsClients clients) {
        dynamo = clients.dynamo();
        sqs = clients.sqs();
        TableProvisioner.createIfMissing(dynamo, table);
        queueUrl = QueueProvisioner.createSessionQueues(sqs, stage);
        wiring = new Wiring(config(queueUrl), dynamo, sqs, clock, integrations);
        apiKey = wiring.apiKeys().issue("acme");
        otherTenantApiKey = wiring.apiKeys().issue("globex");
        createLink = new CreateLinkHandler(wiring);
        claimLink = new ClaimLinkHandler(wiring);
        linkStatus = new LinkStatusHandler(wiring);
        worker = new SessionWorkerHandler(wiring);
        consumeClaimToken = new ConsumeClaimTokenHandler(wiring);
        listOwnedLinks = new ListOwnedLinksHandler(wiring);
        sweeper = new ExpirySweeperHandler(wiring);
    }

    /** One scheduled run of the expiry sweeper, as EventBridge would trigger it. */
    public java.util.Map<String, Object> sweep() {
        return sweeper.handleRequest(Events.scheduled("expiry-sweep.json"), null);
    }

    public static final String PUBLIC_BASE_URL = "https://api.handoff.test";
    public static final String APP_BASE_URL = "https://app.handoff.test";
    public static final int ANONYMOUS_CREATES_PER_HOUR = 5;

    public Config config(String sessionsQueueUrl) {
        TestIssuer oidc = TestIssuer.get();
        return new Config(table, sessionsQueueUrl, PUBLIC_BASE_URL, APP_BASE_URL, Config.DEFAULT_SESSION_DEADLINE,
                ANONYMOUS_CREATES_PER_HOUR, new Config.Oidc(oidc.issuer.issuer(), DevOidcIssuer.AUDIENCE, oidc.jwksUrl,
                DevOidcIssuer.ORGANIZATION_CLAIM, "__session", "https://auth.handoff.test/sign-in",
                "https://auth.handoff.test/sign-up"));
    }

    // ---- HTTP, through the sample events in events/ ----

    public APIGatewayV2HTTPResponse create(String body) {
        return createLink.handleRequest(withBody(withBearer(Events.http("create-link.json"), apiKey), body), null);
    }

    /** Creates a link from {@code body} and returns the 201 response body. */
    public JsonNode created(String body) {
        APIGatewayV2HTTPResponse response = create(body);
        if (response.getStatusCode() != 201) throw new AssertionError("create failed: " + response.getBody());
        return json(response);
    }

    public APIGatewayV2HTTPResponse claim(String claimCode) {
        return claimLink.handleRequest(withBody(Events.http("claim-link.json"), claimCodeBody(claimCode)), null);
    }

    public APIGatewayV2HTTPResponse statusByClaimCode(String claimCode) {
        return linkStatus.handleRequest(
                withBody(Events.http("link-status-by-claim-code.json"), claimCodeBody(claimCode)), null);
    }

    public APIGatewayV2HTTPResponse get(String linkId, String asApiKey) {
        return linkStatus.handleRequest(withBearer(withPathParameter(Events.http("get-link.json"), "linkId", linkId),
                asApiKey), null);
    }

    /** {@code POST /v1/links} without credentials, from {@code sourceIp}. */
    public APIGatewayV2HTTPResponse createAnonymous(String body, String sourceIp) {
        APIGatewayV2HTTPEvent event = Events.http("create-link-anonymous.json");
        if (body != null) event.setBody(body);
        event.getRequestContext().getHttp().setSourceIp(sourceIp);
        return createLink.handleRequest(event, null);
    }

    public JsonNode createdAnonymous() {
        APIGatewayV2HTTPResponse response = createAnonymous(null, "198.51.100.1");
        if (response.getStatusCode() != 201) throw new AssertionError("anonymous create failed: " + response.getBody());
        return json(response);
    }

    /** {@code POST /v1/claim-tokens/consume} with {@code idToken} as bearer (none if null). */
    public APIGatewayV2HTTPResponse consume(String claimToken, String idToken) {
        APIGatewayV2HTTPEvent event = Events.withBearer(Events.http("consume-claim-token.json"), idToken);
        event.setBody(JSON.createObjectNode().put("token", claimToken).toString());
        return consumeClaimToken.handleRequest(event, null);
    }

    /** {@code GET /claim/{token}} in a browser whose session cookie holds {@code idToken} (signed out if null). */
    public APIGatewayV2HTTPResponse claimPage(String claimToken, String idToken) {
        APIGatewayV2HTTPEvent event = Events.withHeader(Events.http("claim-page.json"), "cookie", null);
        event.setPathParameters(java.util.Map.of("token", claimToken));
        event.setRawPath("/claim/" + claimToken);
        event.setCookies(idToken == null ? null : List.of("__session=" + idToken));
        return consumeClaimToken.handleRequest(event, null);
    }

    /** {@code GET /v1/me/links} with {@code idToken} as bearer. */
    public APIGatewayV2HTTPResponse myLinks(String idToken, java.util.Map<String, String> query) {
        APIGatewayV2HTTPEvent event = Events.withBearer(Events.http("list-my-links.json"), idToken);
        event.setQueryStringParameters(query);
        return listOwnedLinks.handleRequest(event, null);
    }

    public static String claimCodeBody(String claimCode) {
        return JSON.createObjectNode().put("claimCode", claimCode).toString();
    }

    public static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- SQS, as Lambda's event source mapping would deliver it ----

    /** Receives what is visible on the sessions queue (without deleting it). */
    public List<Message> receive() {
        return sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
    }

    /** Delivers messages to the worker as one batch; deletes those it did not report as failed. */
    public SQSBatchResponse deliver(List<Message> messages) {
        SQSBatchResponse response = invokeWorker(messages);
        Set<String> failed = new HashSet<>();
        response.getBatchItemFailures().forEach(f -> failed.add(f.getItemIdentifier()));
        for (Message m : messages) {
            if (!failed.contains(m.messageId())) sqs.deleteMessage(d -> d.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
        }
        return response;
    }

    /** Hands messages to the worker as one batch, as a (re)delivery would, leaving the queue alone. */
    public SQSBatchResponse invokeWorker(List<Message> messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(TestHandoff::record).toList());
        return worker.handleRequest(event, null);
    }

    /** Runs the worker on everything queued, until the queue is empty; returns how many messages it saw. */
    public int drainQueue() {
        int seen = 0;
        for (List<Message> batch = receive(); !batch.isEmpty(); batch = receive()) {
            seen += batch.size();
            deliver(batch);
        }
        return seen;
    }

    static SQSEvent.SQSMessage record(Message message) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setEventSource("aws:sqs");
        return record;
    }

    /** One DynamoDB Local and ElasticMQ for the whole test JVM; stopped when the JVM exits. */
    static final class SharedAws {
        private static EmbeddedAws instance;

        static synchronized EmbeddedAws get() {
            if (instance == null) {
                instance = EmbeddedAws.start(null);
                Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
            }
            return instance;
        }
    }
}
