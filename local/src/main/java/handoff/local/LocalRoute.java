package handoff.local;

import com.sun.net.httpserver.HttpHandler;

/**
 * A local-only endpoint that is not a Lambda function (for example a development OpenID issuer under
 * {@code /_local/} and {@code /.well-known/}). It gets every request whose path starts with
 * {@code pathPrefix}, before the API routes are consulted; a prefix may not overlap an API route.
 */
public record LocalRoute(String pathPrefix, HttpHandler handler) {
    public LocalRoute {
        if (pathPrefix == null || !pathPrefix.startsWith("/") || pathPrefix.length() < 2) {
            throw new IllegalArgumentException("A local route prefix must start with '/' and not be '/': " + pathPrefix);
        }
    }
}
