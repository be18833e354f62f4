package handoff.core.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Mints, checks and hashes secrets in the GitHub token style: {@code prefix + body + checksum}, where
 * the body is 30 base62 characters from a CSPRNG (about 178 bits) and the checksum is the CRC32 of
 * prefix and body in 6 base62 characters. A mistyped secret fails the checksum and is refused before
 * any lookup. Only {@link #hash} of a secret is ever stored.
 */
public final class Secrets {
    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static final int BODY_LENGTH = 30;
    static final int CHECKSUM_LENGTH = 6;
    /** 22 base62 characters carry just over 130 random bits. */
    static final int ID_LENGTH = 22;

    private final SecureRandom random;

    public Secrets() {
        this(new SecureRandom());
    }

    public Secrets(SecureRandom random) {
        this.random = random;
    }

    public String mint(SecretKind kind) {
        String unchecked = kind.prefix + randomBase62(BODY_LENGTH);
        return unchecked + checksum(unchecked);
    }

    /** An unguessable id such as {@code link_…} or {@code sess_…}; ids are not secrets, so no checksum. */
    public String newId(String prefix) {
        return prefix + randomBase62(ID_LENGTH);
    }

    /** The secret if it is well-formed for its kind (prefix, length, alphabet, checksum). */
    public static Optional<String> wellFormed(SecretKind kind, String candidate) {
        if (candidate == null) return Optional.empty();
        int expected = kind.prefix.length() + BODY_LENGTH + CHECKSUM_LENGTH;
        if (candidate.length() != expected || !candidate.startsWith(kind.prefix)) return Optional.empty();
        for (int i = kind.prefix.length(); i < expected; i++) {
            if (ALPHABET.indexOf(candidate.charAt(i)) < 0) return Optional.empty();
        }
        String unchecked = candidate.substring(0, expected - CHECKSUM_LENGTH);
        return checksum(unchecked).equals(candidate.substring(expected - CHECKSUM_LENGTH))
                ? Optional.of(candidate)
                : Optional.empty();
    }

    /** SHA-256, hex. Secrets have ≥128 random bits, so a fast unsalted hash is enough to make them unrecoverable. */
    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private String randomBase62(int length) {
        var out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    static String checksum(String unchecked) {
        var crc = new CRC32();
        crc.update(unchecked.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] digits = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            digits[i] = ALPHABET.charAt((int) (value % ALPHABET.length()));
            value /= ALPHABET.length();
        }
        return new String(digits);
    }
}
