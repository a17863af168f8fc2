package org.dicta.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An opaque keyset-pagination cursor: the sort key of the last item served, bound to the filters it was issued for,
 * so that a cursor is never silently applied to a different list.
 */
public final class Cursor {

    private static final String VERSION = "v1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Cursor() {
    }

    public static String encode(String filterFingerprint, String lastKey) {
        String raw = VERSION + "|" + filterFingerprint + "|" + lastKey;
        return ENCODER.encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The last key the cursor carries, or empty when the string is not a cursor Dicta issued. */
    static Optional<Decoded> decode(String cursor) {
        try {
            String raw = new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 3);
            if (parts.length != 3 || !parts[0].equals(VERSION) || parts[2].isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Decoded(parts[1], parts[2]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A short, stable digest of a list's canonical filter description. */
    public static String fingerprint(String canonicalFilters) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalFilters.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    record Decoded(String fingerprint, String lastKey) {
    }
}
