package handoff.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import handoff.embedded.EmbeddedAws;
import handoff.local.LocalGateway.Target;
import handoff.local.PeriodicTasks.PeriodicTask;
import handoff.names.Functions;
import handoff.names.Names;
import handoff.queue.QueueProvisioner;
import handoff.store.TableProvisioner;
import handoff.sweeper.ExpirySweeperHandler;
import handoff.worker.SessionWorkerHandler;
import handoff.wiring.Config;
import handoff.wiring.Wiring;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Runs the whole service on localhost with one command and no AWS account: DynamoDB Local and ElasticMQ
 * in this JVM, the HTTP handlers behind a stand-in for API Gateway, the session worker behind a stand-in
 * for the SQS event source, and periodic tasks behind a stand-in for EventBridge schedules. Routes,
 * handler classes, table and queue names all come from {@code handoff.names}.
 */
public final class LocalRunner {
    /** The tenant of the API key issued at every start. */
    public static final String DEV_TENANT = "dev";
    /** Table {@code handoff-local}, queues {@code handoff-sessions-local} and its DLQ. */
    static final String STAGE = "local";
    private static final int HTTP_THREADS = 8;

    private LocalRunner() {}

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.HelpRequested help) {
            System.out.print(Options.USAGE);
            return;
        } catch (Options.UsageException e) {
            System.err.println("handoff-local: " + e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        Running running;
        try {
            running = start(options);
        } catch (RuntimeException e) {
            System.err.println("handoff-local: could not start: " + e.getMessage());
            if (!(e.getCause() instanceof BindException)) e.printStackTrace();
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "handoff-local-shutdown"));
        System.out.println(banner(running, ManagementFactory.getRuntimeMXBean().getUptime()));
        running.awaitClosed();
    }

    /** Starts everything and returns once requests are served and the info file (if any) is written. */
    public static Running start(Options options) {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            if (options.infoFile() != null) Files.deleteIfExists(options.infoFile());
            // Bind first: the base URL (port 0 = any free port) goes into the function configuration.
            HttpServer server = bind(options.port());
            String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
            started.push(() -> server.stop(0));

            EmbeddedAws aws = EmbeddedAws.start(options.dataDir());
            started.push(aws);
            DynamoDbClient dynamo = aws.dynamo();
            SqsClient sqs = aws.sqs();
            TableProvisioner.createIfMissing(dynamo, Names.table(STAGE));
            String queueUrl = QueueProvisioner.createSessionQueues(sqs, STAGE);
            String queueArn = sqs.getQueueAttributes(a -> a.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);

            DevIdentity identity = new DevIdentity(baseUrl);
            Wiring wiring = new Wiring(new Config(Names.table(STAGE), queueUrl, baseUrl, identity.appBaseUrl(),
                    Config.DEFAULT_SESSION_DEADLINE, Config.DEFAULT_ANONYMOUS_CREATES_PER_HOUR, identity.oidcConfig()),
                    dynamo, sqs, Clock.systemUTC());
            String apiKey = wiring.apiKeys().issue(DEV_TENANT);

            LocalGateway gateway = new LocalGateway(apiRoutes(wiring), new ApiGatewayTranslator(Clock.systemUTC()));
            identity.routes().forEach(gateway::addLocalRoute);

            QueuePoller poller = new QueuePoller(sqs, queueUrl, queueArn, new SessionWorkerHandler(wiring),
                    "handoff-" + Functions.SESSION_WORKER.id);
            poller.start();
            started.push(poller);
            PeriodicTasks periodic = new PeriodicTasks();
            started.push(periodic);
            ExpirySweeperHandler sweeper = new ExpirySweeperHandler(wiring);
            periodic.schedule(new PeriodicTask(Functions.EXPIRY_SWEEPER.id, options.sweepInterval(),
                    () -> sweeper.handleRequest(null, null)));

            ExecutorService httpThreads = Executors.newFixedThreadPool(HTTP_THREADS, namedDaemonThreads("handoff-http-"));
            server.setExecutor(httpThreads);
            server.createContext("/", gateway);
            server.start();
            started.push(() -> {
                server.stop(1);
                httpThreads.shutdownNow();
            });

            Running running = new Running(baseUrl, apiKey, identity.tokenUrl(), options, aws, started);
            if (options.infoFile() != null) writeInfoFile(options.infoFile(), running);
            return running;
        } catch (IOException e) {
            closeAll(started);
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            closeAll(started);
            throw e;
        }
    }

    /** Every HTTP route of every function in {@link Functions}, each handler built once. */
    static RouteTable<Target> apiRoutes(Wiring wiring) {
        RouteTable<Target> routes = new RouteTable<>();
        for (Functions function : Functions.values()) {
            if (function.routes.isEmpty()) continue;
            Target target = new Target(function.id, LambdaHandlers.http(function, wiring));
            function.routes.forEach(routeKey -> routes.add(routeKey, target));
        }
        return routes;
    }

    private static HttpServer bind(int port) throws IOException {
        try {
            return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (BindException e) {
            throw new UncheckedIOException(new BindException("port " + port + " on 127.0.0.1 is in use (" + e.getMessage()
                    + "); pick another with --port, or --port 0 for any free port"));
        }
    }

    /** Written to a temporary file and moved into place, so a reader never sees half of it. */
    private static void writeInfoFile(Path file, Running running) throws IOException {
        ObjectNode info = new ObjectMapper().createObjectNode().put("baseUrl", running.baseUrl())
                .put("apiKey", running.apiKey()).put("tokenUrl", running.tokenUrl());
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temporary = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".tmp");
        Files.writeString(temporary, info.toPrettyString() + "\n", StandardCharsets.UTF_8);
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String banner(Running running, long startupMillis) {
        String curl = "curl -s -X POST " + running.baseUrl() + "/v1/links -H 'Authorization: Bearer " + running.apiKey()
                + "' -H 'Content-Type: application/json' -d '{\"integrationId\":\"sandbox\",\"operations\":"
                + "[{\"resource\":\"account\",\"action\":\"read\"}]}'";
        String data = running.options().dataDir() == null
                ? "in memory (gone on exit)"
                : running.options().dataDir().toAbsolutePath() + " (DynamoDB; the queue stays in memory)";
        StringBuilder banner = new StringBuilder()
                .append("\nHandoff local runner ready in ").append(String.format("%.1f", startupMillis / 1000.0)).append(" s\n")
                .append("  Base URL  ").append(running.baseUrl()).append('\n')
                .append("  API key   ").append(running.apiKey()).append("   (tenant \"").append(DEV_TENANT)
                .append("\", new at every start)\n")
                .append("  Data      ").append(data).append('\n');
        banner.append("  Sign in   ").append(running.baseUrl()).append(DevIdentity.SIGN_IN_PATH)
                .append("   (dev identity; tokens from POST ").append(running.tokenUrl()).append(")\n");
        return banner.append("  Try       ").append(curl).append('\n')
                .append("Press Ctrl-C to stop.\n").toString();
    }

    private static java.util.concurrent.ThreadFactory namedDaemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void closeAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("handoff-local: while stopping: " + e);
            }
        }
    }

    /** A started runner. {@link #close()} stops HTTP, then the poller and periodic tasks, then DynamoDB and SQS. */
    public static final class Running implements AutoCloseable {
        private final String baseUrl;
        private final String apiKey;
        private final Options options;
        private final String tokenUrl;
        private final EmbeddedAws aws;
        private final Deque<AutoCloseable> started;
        private final CountDownLatch closed = new CountDownLatch(1);

        private Running(String baseUrl, String apiKey, String tokenUrl, Options options, EmbeddedAws aws,
                Deque<AutoCloseable> started) {
            this.baseUrl = baseUrl;
            this.apiKey = apiKey;
            this.options = options;
            this.tokenUrl = tokenUrl;
            this.aws = aws;
            this.started = started;
        }

        public String baseUrl() { return baseUrl; }
        public String apiKey() { return apiKey; }
        public Options options() { return options; }
        /** The dev issuer's token endpoint: {@code POST {"sub", "orgId"?}} gives a signed identity token. */
        public String tokenUrl() { return tokenUrl; }
        /** The in-process DynamoDB Local and ElasticMQ, for tests that look underneath. */
        public EmbeddedAws aws() { return aws; }

        /** Stops everything; safe to call more than once and from a shutdown hook. */
        @Override
        public void close() {
            synchronized (this) {
                if (closed.getCount() == 0) return;
                closeAll(started);
                if (options.infoFile() != null) {
                    try {
                        Files.deleteIfExists(options.infoFile());
                    } catch (IOException ignored) {
                        // Stale info files are overwritten at the next start anyway.
                    }
                }
                closed.countDown();
            }
        }

        /** Blocks until {@link #close()} has finished. */
        public void awaitClosed() {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
