package handoff.wiring;

import handoff.names.Names.Env;
import java.time.Duration;
import java.util.Map;

/**
 * Deployment settings, read once per container from the environment the CDK stack (or the local
 * runner) sets.
 *
 * @param publicBaseUrl where this API is reachable, for claim URLs
 * @param appBaseUrl the product's web app, for post-claim redirects
 */
public record Config(
        String tableName,
        String sessionsQueueUrl,
        String publicBaseUrl,
        String appBaseUrl,
        Duration sessionDeadline) {

    public static final Duration DEFAULT_SESSION_DEADLINE = Duration.ofMinutes(15);

    public static Config fromEnvironment(Map<String, String> env) {
        return new Config(
                required(env, Env.TABLE_NAME),
                required(env, Env.SESSIONS_QUEUE_URL),
                env.getOrDefault(Env.PUBLIC_BASE_URL, "http://localhost:8080"),
                env.getOrDefault(Env.APP_BASE_URL, "http://localhost:8080/app"),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault(Env.SESSION_DEADLINE_SECONDS,
                        Long.toString(DEFAULT_SESSION_DEADLINE.toSeconds())))));
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) throw new IllegalStateException("Environment variable " + name + " is not set");
        return value;
    }
}
