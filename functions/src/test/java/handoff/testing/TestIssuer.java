package handoff.testing;

import com.sun.net.httpserver.HttpServer;
import handoff.embedded.DevOidcIssuer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The dev OpenID issuer with its JWKS served over real HTTP on loopback, once per test JVM, so the
 * functions fetch and verify keys exactly as in production.
 */
public final class TestIssuer {
    private static TestIssuer instance;

    public final DevOidcIssuer issuer;
    public final String jwksUrl;

    private TestIssuer(DevOidcIssuer issuer, String jwksUrl) {
        this.issuer = issuer;
        this.jwksUrl = jwksUrl;
    }

    public static synchronized TestIssuer get() {
        if (instance == null) instance = start();
        return instance;
    }

    public String token(String subject, String organizationId) {
        return issuer.token(subject, organizationId, Duration.ofMinutes(10));
    }

    private static TestIssuer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            DevOidcIssuer issuer = new DevOidcIssuer(base);
            byte[] jwks = issuer.jwksJson().getBytes(StandardCharsets.UTF_8);
            server.createContext(DevOidcIssuer.JWKS_PATH, exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
            return new TestIssuer(issuer, base + DevOidcIssuer.JWKS_PATH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
