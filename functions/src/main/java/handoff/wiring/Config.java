package handoff.wiring;

import handoff.names.Names;
import handoff.names.Names.Env;
import java.time.Duration;
import java.util.Map;

/**
 * Deployment settings, read once per container from the environment the CDK stack (or the local
 * runner) sets.
 *
 * @param publicBaseUrl where this API is reachable, for claim URLs
 * @param appBaseUrl the product's web app, for post-claim redirects to {@code /dashboard/links/{id}}
 * @param anonymousCreatesPerHour anonymous link creations allowed per source IP per hour
 */
public record Config(
        String tableName,
        String sessionsQueueUrl,
        String publicBaseUrl,
        String appBaseUrl,
        Duration sessionDeadline,
        int anonymousCreatesPerHour,
        Oidc oidc) {

    public static final Duration DEFAULT_SESSION_DEADLINE = Names.DEFAULT_SESSION_DEADLINE;
    public static final int DEFAULT_ANONYMOUS_CREATES_PER_HOUR = Names.DEFAULT_ANONYMOUS_CREATES_PER_HOUR;

    /**
     * The OpenID Connect issuer whose tokens identify humans, and where its sign-in pages are.
     *
     * @param organizationClaim the claim naming the active organization ({@code org_id} by default)
     * @param sessionCookie the cookie that carries the token to the hosted claim page
     */
    public record Oidc(String issuer, String audience, String jwksUrl, String organizationClaim, String sessionCookie,
                       String signInUrl, String signUpUrl) {}

    public static Config fromEnvironment(Map<String, String> env) {
        return new Config(
                required(env, Env.TABLE_NAME),
                required(env, Env.SESSIONS_QUEUE_URL),
                required(env, Env.PUBLIC_BASE_URL),
                required(env, Env.APP_BASE_URL),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault(Env.SESSION_DEADLINE_SECONDS,
                        Long.toString(DEFAULT_SESSION_DEADLINE.toSeconds())))),
                Integer.parseInt(env.getOrDefault(Env.ANONYMOUS_CREATES_PER_HOUR,
                        Integer.toString(DEFAULT_ANONYMOUS_CREATES_PER_HOUR))),
                new Oidc(
                        required(env, Env.OIDC_ISSUER),
                        required(env, Env.OIDC_AUDIENCE),
                        required(env, Env.OIDC_JWKS_URL),
                        env.getOrDefault(Env.OIDC_ORG_CLAIM, "org_id"),
                        env.getOrDefault(Env.SESSION_COOKIE, "__session"),
                        required(env, Env.SIGN_IN_URL),
                        required(env, Env.SIGN_UP_URL)));
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) throw new IllegalStateException("Environment variable " + name + " is not set");
        return value;
    }
}
