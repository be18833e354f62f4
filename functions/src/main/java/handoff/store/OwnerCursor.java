package handoff.store;

import handoff.core.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Pagination cursors for the owner index: the last key of a page, URL-safe. A cursor only continues
 * the listing of the owner it was issued to, so a tampered cursor cannot read someone else's links.
 */
final class OwnerCursor {
    private static final char SEPARATOR = '\n';

    private OwnerCursor() {}

    static String encode(Map<String, AttributeValue> lastKey) {
        String raw = lastKey.get(Keys.OWNER_PK).s() + SEPARATOR + lastKey.get(Keys.OWNER_SK).s() + SEPARATOR
                + lastKey.get(Keys.PK).s() + SEPARATOR + lastKey.get(Keys.SK).s();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, AttributeValue> decode(String cursor, String ownerPk) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(String.valueOf(SEPARATOR), -1);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (parts.length != 4 || !parts[0].equals(ownerPk)) throw invalid();
        return Map.of(Keys.OWNER_PK, Attr.s(parts[0]), Keys.OWNER_SK, Attr.s(parts[1]),
                Keys.PK, Attr.s(parts[2]), Keys.SK, Attr.s(parts[3]));
    }

    private static InvalidRequestException invalid() {
        return new InvalidRequestException("invalid_cursor", "cursor is not one this listing issued.");
    }
}
