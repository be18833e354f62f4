package handoff.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import handoff.embedded.DevOidcIssuer;
import handoff.embedded.EmbeddedAws;
import handoff.http.ClaimLinkHandler;
import handoff.http.CreateLinkHandler;
import handoff.http.LinkStatusHandler;
import handoff.names.Names;
import handoff.queue.QueueProvisioner;
import handoff.store.TableProvisioner;
import handoff.wiring.Config;
import handoff.wiring.Wiring;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Times the real handlers on DynamoDB Local and ElasticMQ in this JVM:
 * <ol>
 *   <li><b>cold start</b>: a fresh JVM per round (Lambda's JIT flags), configured only by environment,
 *       builds a handler through its no-arg constructor and serves one request;</li>
 *   <li><b>warm latency</b>: many requests through handlers that have already served some.</li>
 * </ol>
 * Usage: {@code Bench <java binary> <classpath> [rounds] [requests]}. Prints a plain-text report.
 */
public final class Bench {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String STAGE = "bench";
    static final String ANONYMOUS_CREATE = "{\"integrationId\":\"sandbox\",\"operations\":[{\"resource\":\"account\",\"action\":\"read\"}]}";

    private Bench() {}

    public static void main(String[] args) throws Exception {
        // The handlers log a line per request; the report goes to the real stdout alone.
        java.io.PrintStream console = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        String java = args[0];
        String classpath = args[1];
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        StringBuilder report = new StringBuilder();
        report.append("Handoff bench — ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append("\n")
                .append("Shared 2-core machines are noisy: compare medians of runs made back to back, not single figures.\n\n");
        try (EmbeddedAws aws = EmbeddedAws.start(null)) {
            TableProvisioner.createIfMissing(aws.dynamo(), Names.table(STAGE));
            String queueUrl = QueueProvisioner.createSessionQueues(aws.sqs(), STAGE);
            Config config = new Config(Names.table(STAGE), queueUrl, "http://localhost", "http://localhost/app",
                    Config.DEFAULT_SESSION_DEADLINE, Integer.MAX_VALUE, new Config.Oidc("http://localhost", DevOidcIssuer.AUDIENCE,
                    "http://127.0.0.1:1/jwks", "org_id", "__session", "http://localhost/in", "http://localhost/up"));
            Wiring wiring = new Wiring(config, aws.dynamo(), aws.sqs(), Clock.systemUTC());
            String claimCode = created(new CreateLinkHandler(wiring)).get("claimCode").asText();

            Map<String, String> env = new HashMap<>(System.getenv());
            env.putAll(Map.of(
                    "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local",
                    "AWS_ENDPOINT_URL_DYNAMODB", aws.dynamoEndpoint().toString(),
                    "AWS_ENDPOINT_URL_SQS", aws.sqsEndpoint().toString(),
                    Names.Env.TABLE_NAME, config.tableName(), Names.Env.SESSIONS_QUEUE_URL, queueUrl,
                    Names.Env.PUBLIC_BASE_URL, config.publicBaseUrl(), Names.Env.APP_BASE_URL, config.appBaseUrl()));
            env.putAll(Map.of(Names.Env.OIDC_ISSUER, config.oidc().issuer(), Names.Env.OIDC_AUDIENCE, config.oidc().audience(),
                    Names.Env.OIDC_JWKS_URL, config.oidc().jwksUrl(), Names.Env.SIGN_IN_URL, config.oidc().signInUrl(),
                    Names.Env.SIGN_UP_URL, config.oidc().signUpUrl(),
                    Names.Env.ANONYMOUS_CREATES_PER_HOUR, Integer.toString(Integer.MAX_VALUE)));

            report.append("Cold start: fresh JVM (-XX:TieredStopAtLevel=1), no-arg handler constructor, one request; ")
                    .append(rounds).append(" rounds, ms (min / median / max)\n");
            coldStart(report, java, classpath, env, rounds, "create", "events/http/create-link-anonymous.json", ANONYMOUS_CREATE, 201);
            coldStart(report, java, classpath, env, rounds, "status", "events/http/link-status-by-claim-code.json",
                    "{\"claimCode\":\"" + claimCode + "\"}", 200);
            report.append("  (no Lambda runtime client or SnapStart here: this is the JVM, class loading, SDK and our init.)\n\n");

            report.append("Warm latency: ").append(requests).append(" requests each after 50 warm-up, ms\n");
            CreateLinkHandler create = new CreateLinkHandler(wiring);
            ClaimLinkHandler claim = new ClaimLinkHandler(wiring);
            LinkStatusHandler status = new LinkStatusHandler(wiring);
            warm(report, "create (anonymous)", requests, () -> created(create));
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < requests + 50; i++) codes.add(created(create).get("claimCode").asText());
            int[] next = {0};
            warm(report, "claim", requests, () -> expect(claim.handleRequest(
                    event("events/http/claim-link.json", "{\"claimCode\":\"" + codes.get(next[0]++) + "\"}"), null), 201));
            warm(report, "status (claim code)", requests, () -> expect(status.handleRequest(
                    event("events/http/link-status-by-claim-code.json", "{\"claimCode\":\"" + claimCode + "\"}"), null), 200));
        }
        console.print(report);
        Path out = Path.of("bench", "target", "report.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
    }

    private static void coldStart(StringBuilder report, String java, String classpath, Map<String, String> env,
                                  int rounds, String handler, String eventFile, String body, int expectedStatus)
            throws Exception {
        long[] init = new long[rounds];
        long[] firstResponse = new long[rounds];
        long[] wall = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            ProcessBuilder builder = new ProcessBuilder(java, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
                    "-cp", classpath, ColdStartProbe.class.getName(), handler, eventFile, body).redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(env);
            long started = System.nanoTime();
            Process process = builder.start();
            String last = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) last = line;
            }
            process.waitFor();
            wall[i] = (System.nanoTime() - started) / 1_000_000;
            String[] fields = last == null ? new String[0] : last.trim().split(" ");
            if (fields.length != 3 || Integer.parseInt(fields[0]) != expectedStatus) {
                throw new IllegalStateException(handler + " probe did not answer " + expectedStatus + ": " + last);
            }
            init[i] = Long.parseLong(fields[1]);
            firstResponse[i] = Long.parseLong(fields[2]);
        }
        report.append(String.format("  %-8s JVM start→handler built %s | →first response %s | process wall %s%n",
                handler, stats(init), stats(firstResponse), stats(wall)));
    }

    private static void warm(StringBuilder report, String name, int requests, Supplier<?> call) {
        for (int i = 0; i < 50; i++) call.get();
        double[] millis = new double[requests];
        long all = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            long t = System.nanoTime();
            call.get();
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        double seconds = (System.nanoTime() - all) / 1e9;
        Arrays.sort(millis);
        report.append(String.format("  %-20s p50 %6.2f  p90 %6.2f  p99 %6.2f   %6.0f req/s (one thread)%n", name,
                millis[requests / 2], millis[(int) (requests * 0.9)], millis[(int) (requests * 0.99)], requests / seconds));
    }

    private static String stats(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[0] + " / " + sorted[sorted.length / 2] + " / " + sorted[sorted.length - 1];
    }

    private static JsonNode created(CreateLinkHandler create) {
        try {
            return JSON.readTree(expect(create.handleRequest(
                    event("events/http/create-link-anonymous.json", ANONYMOUS_CREATE), null), 201).getBody());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static APIGatewayV2HTTPEvent event(String file, String body) {
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(file);
        event.setBody(body);
        return event;
    }

    private static APIGatewayV2HTTPResponse expect(APIGatewayV2HTTPResponse response, int status) {
        if (response.getStatusCode() != status) {
            throw new IllegalStateException("expected " + status + " but got " + response.getStatusCode() + ": " + response.getBody());
        }
        return response;
    }
}
