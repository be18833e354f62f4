package handoff.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * HTTP API route keys ({@code "METHOD /path/{param}"}) matched against requests the way API Gateway
 * does: a {@code {name}} segment matches one non-empty path segment, a trailing {@code {name+}} matches
 * the rest of the path, {@code ANY} matches every method, and when several routes match the most
 * specific one wins (literal segments before parameters before greedy parameters).
 *
 * <p>Unlike API Gateway (which answers 404), a path that matches only under other methods is reported
 * as {@link Match.MethodNotAllowed}, so the runner can answer 405 with {@code Allow}.
 *
 * @param <T> what a route leads to
 */
public final class RouteTable<T> {
    public static final String ANY = "ANY";

    /** One route: its key exactly as declared, and what it leads to. */
    public record Route<T>(String routeKey, String method, String pathTemplate, T target, List<Segment> segments) {}

    /** A parsed template segment. */
    public record Segment(Kind kind, String text) {
        public enum Kind { LITERAL, PARAMETER, GREEDY }
    }

    public sealed interface Match<T> {
        record Found<T>(Route<T> route, Map<String, String> pathParameters) implements Match<T> {}

        record MethodNotAllowed<T>(Set<String> allowedMethods) implements Match<T> {}

        record NotFound<T>() implements Match<T> {}
    }

    private final List<Route<T>> routes = new ArrayList<>();

    /**
     * Adds a route.
     *
     * @param routeKey "METHOD /path/{param}", as in {@code handoff.names.Functions}
     * @throws IllegalArgumentException for a malformed or duplicate route key
     */
    public RouteTable<T> add(String routeKey, T target) {
        String[] parts = routeKey.trim().split(" +");
        if (parts.length != 2 || !parts[1].startsWith("/")) {
            throw new IllegalArgumentException("Route key must look like 'GET /path/{param}': " + routeKey);
        }
        String method = parts[0].toUpperCase(Locale.ROOT);
        String template = parts[1];
        List<Segment> segments = parseTemplate(template, routeKey);
        for (Route<T> existing : routes) {
            if (existing.method().equals(method) && existing.segments().equals(segments)) {
                throw new IllegalArgumentException("Duplicate route " + routeKey + " (already have " + existing.routeKey() + ")");
            }
        }
        routes.add(new Route<>(routeKey, method, template, target, segments));
        return this;
    }

    public List<Route<T>> routes() {
        return Collections.unmodifiableList(routes);
    }

    /** True if any route's template could match a path that starts with {@code prefix}. */
    public boolean overlapsPrefix(String prefix) {
        for (Route<T> route : routes) {
            String literalStart = route.pathTemplate();
            int brace = literalStart.indexOf('{');
            if (brace >= 0) literalStart = literalStart.substring(0, brace);
            // Either the route lies under the prefix, or one of its parameters could swallow the prefix.
            if (literalStart.startsWith(prefix) || brace >= 0 && prefix.startsWith(literalStart)) return true;
        }
        return false;
    }

    /**
     * @param method the request method
     * @param rawPath the request path as sent (percent-encoded); parameter values come back decoded
     */
    public Match<T> match(String method, String rawPath) {
        String requestMethod = method.toUpperCase(Locale.ROOT);
        List<String> pathSegments = split(rawPath);
        Route<T> best = null;
        Map<String, String> bestParameters = null;
        Set<String> otherMethods = new TreeSet<>();
        for (Route<T> route : routes) {
            Map<String, String> parameters = bind(route.segments(), pathSegments);
            if (parameters == null) continue;
            if (!route.method().equals(requestMethod) && !route.method().equals(ANY)) {
                otherMethods.add(route.method());
                continue;
            }
            if (best == null || moreSpecific(route, best)) {
                best = route;
                bestParameters = parameters;
            }
        }
        if (best != null) return new Match.Found<>(best, bestParameters);
        if (!otherMethods.isEmpty()) return new Match.MethodNotAllowed<>(Collections.unmodifiableSet(otherMethods));
        return new Match.NotFound<>();
    }

    private static List<Segment> parseTemplate(String template, String routeKey) {
        List<Segment> segments = new ArrayList<>();
        List<String> texts = split(template);
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text.startsWith("{") && text.endsWith("}")) {
                String name = text.substring(1, text.length() - 1);
                boolean greedy = name.endsWith("+");
                if (greedy) name = name.substring(0, name.length() - 1);
                if (name.isEmpty() || name.contains("{") || name.contains("}")) {
                    throw new IllegalArgumentException("Bad path parameter in " + routeKey);
                }
                if (greedy && i != texts.size() - 1) {
                    throw new IllegalArgumentException("A greedy parameter must be the last segment: " + routeKey);
                }
                segments.add(new Segment(greedy ? Segment.Kind.GREEDY : Segment.Kind.PARAMETER, name));
            } else {
                if (text.contains("{") || text.contains("}")) {
                    throw new IllegalArgumentException("A parameter must fill a whole segment: " + routeKey);
                }
                segments.add(new Segment(Segment.Kind.LITERAL, text));
            }
        }
        return List.copyOf(segments);
    }

    /** "/" → [], "/a/b" → [a, b], "/a/" → [a, ""]: a trailing slash is a different path, as in API Gateway. */
    private static List<String> split(String path) {
        if (path.equals("/") || path.isEmpty()) return List.of();
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return List.of(trimmed.split("/", -1));
    }

    /** The decoded path parameters if the template matches, else null. */
    private static Map<String, String> bind(List<Segment> template, List<String> path) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            Segment segment = template.get(i);
            if (segment.kind() == Segment.Kind.GREEDY) {
                if (i >= path.size()) return null;
                String rest = String.join("/", path.subList(i, path.size()));
                if (rest.isEmpty()) return null;
                parameters.put(segment.text(), decode(rest));
                return parameters;
            }
            if (i >= path.size()) return null;
            String actual = path.get(i);
            if (segment.kind() == Segment.Kind.LITERAL) {
                if (!segment.text().equals(decode(actual))) return null;
            } else {
                if (actual.isEmpty()) return null;
                parameters.put(segment.text(), decode(actual));
            }
        }
        return template.size() == path.size() ? parameters : null;
    }

    private boolean moreSpecific(Route<T> candidate, Route<T> current) {
        List<Segment> a = candidate.segments();
        List<Segment> b = current.segments();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int cmp = Integer.compare(a.get(i).kind().ordinal(), b.get(i).kind().ordinal());
            if (cmp != 0) return cmp < 0;
        }
        // Same shape: an exact method beats ANY.
        return !candidate.method().equals(ANY) && current.method().equals(ANY);
    }

    /** Percent-decoding of a path segment; unlike form decoding, '+' stays '+'. */
    static String decode(String segment) {
        if (segment.indexOf('%') < 0) return segment;
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return segment;
        }
    }
}
