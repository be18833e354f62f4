package handoff.core.link;

import handoff.core.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Where the client goes when the flow ends: an {@code https://} URL, {@code http://localhost} for
 * development, or a custom app scheme for deep links. Schemes that run code or read local files are
 * refused. Whenever the URL is shown, {@code linkId} is appended as a query parameter, keeping any
 * existing query and fragment.
 */
public final class ReturnUrl {
    private static final Set<String> REFUSED_SCHEMES = Set.of("javascript", "data", "vbscript", "file", "blob", "about");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    static final int MAX_LENGTH = 2048;

    private ReturnUrl() {}

    /** Returns the URL unchanged if acceptable, else throws {@code invalid_return_url}. */
    public static String validate(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > MAX_LENGTH || !raw.strip().equals(raw)) {
            throw invalid("returnUrl must be a non-blank absolute URL of at most " + MAX_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw invalid("returnUrl is not a well-formed URL.");
        }
        String scheme = uri.getScheme();
        if (scheme == null) throw invalid("returnUrl must be absolute, e.g. https://example.com/done or myapp://callback.");
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (REFUSED_SCHEMES.contains(scheme)) throw invalid("returnUrl may not use the " + scheme + ": scheme.");
        if (uri.isOpaque()) throw invalid("returnUrl must have the form scheme://…");
        switch (scheme) {
            case "https" -> requireHost(uri);
            case "http" -> {
                requireHost(uri);
                if (!LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
                    throw invalid("returnUrl must use https:// (plain http:// is allowed only for localhost).");
                }
            }
            default -> {
                // Custom app schemes (myapp://callback) are how mobile apps get the user back.
            }
        }
        return raw;
    }

    /** The URL with {@code linkId=<linkId>} added to its query, before any fragment. */
    public static String withLinkId(String url, String linkId) {
        int hash = url.indexOf('#');
        String beforeFragment = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        String separator = beforeFragment.contains("?")
                ? (beforeFragment.endsWith("?") || beforeFragment.endsWith("&") ? "" : "&")
                : "?";
        return beforeFragment + separator + "linkId=" + URLEncoder.encode(linkId, StandardCharsets.UTF_8) + fragment;
    }

    private static void requireHost(URI uri) {
        if (uri.getHost() == null || uri.getHost().isBlank()) throw invalid("returnUrl must name a host.");
    }

    private static InvalidRequestException invalid(String message) {
        return new InvalidRequestException("invalid_return_url", message);
    }
}
