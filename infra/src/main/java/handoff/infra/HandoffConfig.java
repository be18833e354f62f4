package handoff.infra;

import handoff.names.Functions;
import handoff.names.Names;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Deployment settings of one Handoff stage. {@link HandoffApp} reads them from CDK context
 * ({@code -c key=value} or {@code cdk.json}); tests pass a map. Unset keys take the defaults below.
 *
 * @param stage                   short stage name, appended to table, queue and stack names
 * @param functionsJar            the shaded jar every function runs from ({@link Functions#JAR})
 * @param publicBaseUrl           base of claim URLs; empty = the custom domain, else the API endpoint
 * @param appBaseUrl              the product app; signed-in claimers land on {@code {app}/dashboard/links/{id}}
 * @param sessionDeadlineSeconds  after this, the sweeper fails a session whose worker never finished
 */
public record HandoffConfig(
        String stage,
        Path functionsJar,
        Optional<String> publicBaseUrl,
        Optional<String> appBaseUrl,
        String oidcIssuer,
        String oidcAudience,
        String oidcJwksUrl,
        String oidcOrgClaim,
        String sessionCookie,
        Optional<String> signInUrl,
        Optional<String> signUpUrl,
        int anonymousCreatesPerHour,
        int sessionDeadlineSeconds,
        Optional<CustomDomain> customDomain,
        Optional<String> alarmEmail) {

    /** CDK context keys (infrastructure settings, not shared with the functions). */
    public static final class Keys {
        private Keys() {}
        public static final String STAGE = "stage";
        public static final String FUNCTIONS_JAR = "functionsJar";
        public static final String PUBLIC_BASE_URL = "publicBaseUrl";
        public static final String APP_BASE_URL = "appBaseUrl";
        public static final String OIDC_ISSUER = "oidcIssuer";
        public static final String OIDC_AUDIENCE = "oidcAudience";
        public static final String OIDC_JWKS_URL = "oidcJwksUrl";
        public static final String OIDC_ORG_CLAIM = "oidcOrgClaim";
        public static final String SESSION_COOKIE = "sessionCookie";
        public static final String SIGN_IN_URL = "signInUrl";
        public static final String SIGN_UP_URL = "signUpUrl";
        public static final String ANONYMOUS_CREATES_PER_HOUR = "anonymousCreatesPerHour";
        public static final String SESSION_DEADLINE_SECONDS = "sessionDeadlineSeconds";
        public static final String CUSTOM_DOMAIN_NAME = "customDomainName";
        public static final String CUSTOM_DOMAIN_CERTIFICATE_ARN = "customDomainCertificateArn";
        public static final String ALARM_EMAIL = "alarmEmail";
    }

    public static final String DEFAULT_STAGE = "dev";
    /**
     * Placeholder issuer in the reserved {@code .invalid} TLD: until a real issuer is configured no
     * JWT verifies, so the claim page can show "sign in" but never binds an owner (fails closed).
     */
    public static final String DEFAULT_OIDC_ISSUER = "https://issuer.invalid/";
    public static final String DEFAULT_OIDC_AUDIENCE = "handoff";
    public static final String DEFAULT_OIDC_ORG_CLAIM = "org_id";
    public static final String DEFAULT_SESSION_COOKIE = "__session";
    public static final int DEFAULT_ANONYMOUS_CREATES_PER_HOUR = Names.DEFAULT_ANONYMOUS_CREATES_PER_HOUR;
    public static final int DEFAULT_SESSION_DEADLINE_SECONDS = (int) Names.DEFAULT_SESSION_DEADLINE.toSeconds();

    private static final Pattern STAGE_PATTERN = Pattern.compile("[a-z][a-z0-9-]{0,15}");

    /** An API Gateway custom domain with an ACM certificate in the stack's region. */
    public record CustomDomain(String domainName, String certificateArn) {}

    public HandoffConfig {
        if (!STAGE_PATTERN.matcher(stage).matches()) {
            throw new IllegalArgumentException("stage must match " + STAGE_PATTERN + ": " + stage);
        }
        if (anonymousCreatesPerHour < 0) {
            throw new IllegalArgumentException("anonymousCreatesPerHour must be >= 0");
        }
        if (sessionDeadlineSeconds <= Names.WORKER_TIMEOUT.toSeconds()) {
            throw new IllegalArgumentException("sessionDeadlineSeconds must exceed the worker timeout ("
                    + Names.WORKER_TIMEOUT.toSeconds() + " s), or the sweeper fails running sessions");
        }
    }

    /**
     * Reads every setting through {@code context} (e.g. {@code app.getNode()::tryGetContext}); a
     * missing or blank value takes its default.
     */
    public static HandoffConfig fromContext(Function<String, Object> context) {
        var ctx = new Context(context);
        String issuer = ctx.string(Keys.OIDC_ISSUER).orElse(DEFAULT_OIDC_ISSUER);
        Optional<String> domainName = ctx.string(Keys.CUSTOM_DOMAIN_NAME);
        Optional<String> certificateArn = ctx.string(Keys.CUSTOM_DOMAIN_CERTIFICATE_ARN);
        if (domainName.isPresent() != certificateArn.isPresent()) {
            throw new IllegalArgumentException("set both " + Keys.CUSTOM_DOMAIN_NAME + " and "
                    + Keys.CUSTOM_DOMAIN_CERTIFICATE_ARN + ", or neither");
        }
        return new HandoffConfig(
                ctx.string(Keys.STAGE).orElse(DEFAULT_STAGE),
                ctx.string(Keys.FUNCTIONS_JAR).map(Path::of).orElseGet(HandoffConfig::locateFunctionsJar),
                ctx.string(Keys.PUBLIC_BASE_URL).map(HandoffConfig::stripTrailingSlash),
                ctx.string(Keys.APP_BASE_URL).map(HandoffConfig::stripTrailingSlash),
                issuer,
                ctx.string(Keys.OIDC_AUDIENCE).orElse(DEFAULT_OIDC_AUDIENCE),
                ctx.string(Keys.OIDC_JWKS_URL).orElse(stripTrailingSlash(issuer) + "/.well-known/jwks.json"),
                ctx.string(Keys.OIDC_ORG_CLAIM).orElse(DEFAULT_OIDC_ORG_CLAIM),
                ctx.string(Keys.SESSION_COOKIE).orElse(DEFAULT_SESSION_COOKIE),
                ctx.string(Keys.SIGN_IN_URL),
                ctx.string(Keys.SIGN_UP_URL),
                ctx.integer(Keys.ANONYMOUS_CREATES_PER_HOUR).orElse(DEFAULT_ANONYMOUS_CREATES_PER_HOUR),
                ctx.integer(Keys.SESSION_DEADLINE_SECONDS).orElse(DEFAULT_SESSION_DEADLINE_SECONDS),
                domainName.map(d -> new CustomDomain(d, certificateArn.orElseThrow())),
                ctx.string(Keys.ALARM_EMAIL));
    }

    /**
     * {@link Functions#JAR} resolved against the repository root, found by walking up from the working
     * directory (the CDK CLI runs the app from {@code infra/}, surefire from the module directory).
     */
    public static Path locateFunctionsJar() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path jar = dir.resolve(Functions.JAR);
            if (Files.isRegularFile(jar)) {
                return jar;
            }
        }
        throw new IllegalStateException(Functions.JAR + " not found in " + start + " or its parents; build it with"
                + " ./mvnw -pl functions -am package -DskipTests, or pass -c " + Keys.FUNCTIONS_JAR + "=<path>");
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private record Context(Function<String, Object> lookup) {
        Optional<String> string(String key) {
            return Optional.ofNullable(lookup.apply(key)).map(Object::toString).map(String::strip)
                    .filter(s -> !s.isEmpty());
        }

        Optional<Integer> integer(String key) {
            return string(key).map(s -> {
                try {
                    return new java.math.BigDecimal(s).intValueExact(); // JSON context may say 20.0
                } catch (ArithmeticException | NumberFormatException e) {
                    throw new IllegalArgumentException("context " + key + " must be an integer: " + s, e);
                }
            });
        }
    }
}
