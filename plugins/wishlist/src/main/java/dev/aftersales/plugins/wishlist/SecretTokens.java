package dev.aftersales.plugins.wishlist;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Random, URL-safe secrets: guest tokens (bearer secrets a guest's browser keeps) and share nonces. Only the SHA-256
 * hash of a guest token is stored, so the table does not hold working tokens.
 */
final class SecretTokens {

    /** 256 bits: a guest token cannot be guessed, whatever the number of guests. */
    static final int GUEST_TOKEN_BYTES = 32;
    /** 128 bits: the share nonce only has to differ from earlier ones; the link's signature makes it unforgeable. */
    static final int SHARE_NONCE_BYTES = 16;

    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9_-]+");

    private final SecureRandom random = new SecureRandom();

    /** A fresh token of {@code bytes} random bytes, base64url without padding. */
    String next(int bytes) {
        byte[] secret = new byte[bytes];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Whether {@code token} has the shape of a token made by {@link #next(int)} with {@code bytes} bytes. */
    static boolean hasShape(String token, int bytes) {
        int length = (bytes * 8 + 5) / 6;
        return token != null && token.length() == length && URL_SAFE.matcher(token).matches();
    }

    /** Hex SHA-256 of the token: what the database stores and looks up. */
    static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
