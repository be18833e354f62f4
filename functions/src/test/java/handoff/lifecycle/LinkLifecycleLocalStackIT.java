package handoff.lifecycle;

import handoff.core.integration.IntegrationRegistry;
import handoff.testing.TestHandoff;
import handoff.testing.TestHandoff.AwsClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The lifecycle scenarios on LocalStack, with the table and queues provisioned from the same
 * definitions. Skipped where no Docker engine runs (our CI machines have none); its twin
 * {@link LinkLifecycleIT} runs the same scenarios on DynamoDB Local and ElasticMQ everywhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class LinkLifecycleLocalStackIT extends LinkLifecycleScenarios {
    static LocalStackContainer localstack;
    static AwsClients clients;

    @BeforeAll
    static void startLocalStack() {
        localstack = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4")).withServices("dynamodb", "sqs");
        localstack.start();
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(localstack.getAccessKey(), localstack.getSecretKey()));
        clients = new AwsClients(
                DynamoDbClient.builder().endpointOverride(localstack.getEndpoint()).region(Region.of(localstack.getRegion()))
                        .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build(),
                SqsClient.builder().endpointOverride(localstack.getEndpoint()).region(Region.of(localstack.getRegion()))
                        .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build());
    }

    @AfterAll
    static void stopLocalStack() {
        if (localstack != null) localstack.stop();
    }

    @Override
    TestHandoff newHandoff() {
        return new TestHandoff(IntegrationRegistry.standard(), clients);
    }
}
