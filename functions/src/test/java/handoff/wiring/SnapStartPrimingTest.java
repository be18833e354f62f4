package handoff.wiring;

import static org.assertj.core.api.Assertions.assertThatCode;

import handoff.http.ClaimLinkHandler;
import handoff.http.ConsumeClaimTokenHandler;
import handoff.http.CreateLinkHandler;
import handoff.http.LinkStatusHandler;
import handoff.http.ListOwnedLinksHandler;
import handoff.worker.SessionWorkerHandler;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.crac.Resource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Priming before a SnapStart snapshot must run the request path without reaching any endpoint. */
class SnapStartPrimingTest {
    /** Nothing listens on port 1: any real request during priming would fail the test. */
    static final URI NOWHERE = URI.create("http://127.0.0.1:1");

    @Test
    void everyHandlerPrimesWithoutTouchingTheNetwork() {
        Wiring wiring = new Wiring(new Config("handoff-priming", NOWHERE + "/queue", "https://api.example",
                "https://app.example", Duration.ofMinutes(15), 20, new Config.Oidc(NOWHERE.toString(), "aud",
                NOWHERE + "/jwks", "org_id", "__session", "https://auth.example/in", "https://auth.example/up")),
                DynamoDbClient.builder().endpointOverride(NOWHERE).region(Region.US_EAST_1)
                        .credentialsProvider(AnonymousCredentialsProvider.create())
                        .httpClient(UrlConnectionHttpClient.create()).build(),
                SqsClient.builder().endpointOverride(NOWHERE).region(Region.US_EAST_1)
                        .credentialsProvider(AnonymousCredentialsProvider.create())
                        .httpClient(UrlConnectionHttpClient.create()).build(),
                Clock.systemUTC());

        for (Resource handler : new Resource[] {new CreateLinkHandler(wiring), new ClaimLinkHandler(wiring),
                new LinkStatusHandler(wiring), new ConsumeClaimTokenHandler(wiring), new ListOwnedLinksHandler(wiring),
                new SessionWorkerHandler(wiring)}) {
            assertThatCode(() -> handler.beforeCheckpoint(null)).as(handler.getClass().getSimpleName())
                    .doesNotThrowAnyException();
        }
    }
}
