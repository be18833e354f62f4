package handoff.store;

import handoff.core.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque, URL-safe pagination cursors: the last key of a page (string attributes only), so callers never
 * see key names or formats.
 */
final class PageCursor {
    private static final String SEPARATOR = "\n";

    private PageCursor() {}

    /** The cursor for {@code lastKey}, or null when the query returned no further key. */
    static String encode(Map<String, AttributeValue> lastKey, List<String> keyNames) {
        if (lastKey == null || lastKey.isEmpty()) return null;
        String raw = String.join(SEPARATOR, keyNames.stream().map(name -> lastKey.get(name).s()).toList());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidRequestException {@code invalid_cursor} for anything this class did not issue */
    static Map<String, AttributeValue> decode(String cursor, List<String> keyNames) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEPARATOR, -1);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (parts.length != keyNames.size()) throw invalid();
        Map<String, AttributeValue> key = new HashMap<>();
        for (int i = 0; i < parts.length; i++) key.put(keyNames.get(i), Attr.s(parts[i]));
        return key;
    }

    static InvalidRequestException invalid() {
        return new InvalidRequestException("invalid_cursor", "cursor is not one this listing issued.");
    }
}
