package handoff.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local and ElasticMQ running inside this JVM on loopback ports, and real AWS SDK clients
 * pointed at them. Nothing is mocked: requests go over HTTP through the same SDK code paths as in AWS.
 */
public final class EmbeddedAws implements AutoCloseable {
    public static final Region REGION = Region.US_EAST_1;
    private static final StaticCredentialsProvider LOCAL_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private final DynamoDBProxyServer dynamoServer;
    private final SQSRestServer sqsServer;
    private final URI dynamoEndpoint;
    private final URI sqsEndpoint;
    private final List<AutoCloseable> clients = new ArrayList<>();

    private EmbeddedAws(DynamoDBProxyServer dynamoServer, URI dynamoEndpoint, SQSRestServer sqsServer, URI sqsEndpoint) {
        this.dynamoServer = dynamoServer;
        this.dynamoEndpoint = dynamoEndpoint;
        this.sqsServer = sqsServer;
        this.sqsEndpoint = sqsEndpoint;
    }

    /**
     * Starts both services on free loopback ports.
     *
     * @param dataDir where DynamoDB Local keeps its data across restarts; null keeps everything in memory
     */
    public static EmbeddedAws start(Path dataDir) {
        useBundledSqliteNative();
        try {
            int dynamoPort = freePort();
            List<String> args = new ArrayList<>(List.of("-port", Integer.toString(dynamoPort), "-disableTelemetry"));
            if (dataDir == null) {
                args.add("-inMemory");
            } else {
                Files.createDirectories(dataDir);
                args.addAll(List.of("-dbPath", dataDir.toString(), "-sharedDb"));
            }
            DynamoDBProxyServer dynamo = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            dynamo.start();
            int sqsPort = freePort();
            SQSRestServer sqs = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(sqsPort).start();
            sqs.waitUntilStarted();
            return new EmbeddedAws(dynamo, URI.create("http://127.0.0.1:" + dynamoPort), sqs,
                    URI.create("http://127.0.0.1:" + sqsPort));
        } catch (Exception e) {
            throw new IllegalStateException("Could not start DynamoDB Local and ElasticMQ", e);
        }
    }

    public URI dynamoEndpoint() {
        return dynamoEndpoint;
    }

    public URI sqsEndpoint() {
        return sqsEndpoint;
    }

    /** A new client; closed with this instance. */
    public synchronized DynamoDbClient dynamo() {
        DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynamoEndpoint).region(REGION)
                .credentialsProvider(LOCAL_CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
        clients.add(client);
        return client;
    }

    /** A new client; closed with this instance. */
    public synchronized SqsClient sqs() {
        SqsClient client = SqsClient.builder().endpointOverride(sqsEndpoint).region(REGION)
                .credentialsProvider(LOCAL_CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
        clients.add(client);
        return client;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable client : clients) {
            try {
                client.close();
            } catch (Exception ignored) {
                // Shutting down anyway.
            }
        }
        sqsServer.stopAndWait();
        try {
            dynamoServer.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** sqlite4java loads its native library from a directory; extract ours once per JVM. */
    private static synchronized void useBundledSqliteNative() {
        if (System.getProperty("sqlite4java.library.path") != null) return;
        String library = "libsqlite4java-linux-amd64.so";
        try (InputStream in = EmbeddedAws.class.getResourceAsStream("/handoff-native/" + library)) {
            if (in == null) throw new IllegalStateException("Bundled " + library + " is missing from the classpath");
            Path dir = Files.createTempDirectory("handoff-sqlite4java");
            Files.copy(in, dir.resolve(library), StandardCopyOption.REPLACE_EXISTING);
            dir.toFile().deleteOnExit();
            dir.resolve(library).toFile().deleteOnExit();
            System.setProperty("sqlite4java.library.path", dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
