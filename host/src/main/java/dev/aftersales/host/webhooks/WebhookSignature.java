package dev.aftersales.host.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, with
 * secrets written {@code whsec_<base64 key>}. Timestamps must lie within 300 s in the past and 60 s in the future.
 */
public final class WebhookSignature {

    static final Duration MAX_AGE = Duration.ofSeconds(300);
    static final Duration MAX_AHEAD = Duration.ofSeconds(60);
    private static final String PREFIX = "whsec_";

    private WebhookSignature() {
    }

    /** Why a delivery is refused, or {@link Verdict#VALID}. */
    public enum Verdict {
        VALID, MISSING_HEADERS, BAD_TIMESTAMP, TIMESTAMP_OUT_OF_TOLERANCE, BAD_SIGNATURE
    }

    /** Checks a delivery against every currently valid secret of the shop (several during a rotation). */
    public static Verdict verify(List<String> secrets, String id, String timestamp, String signatureHeader, byte[] body,
                                 Instant now) {
        if (id == null || timestamp == null || signatureHeader == null) {
            return Verdict.MISSING_HEADERS;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Verdict.BAD_TIMESTAMP;
        }
        Instant sent = Instant.ofEpochSecond(seconds);
        if (sent.isBefore(now.minus(MAX_AGE)) || sent.isAfter(now.plus(MAX_AHEAD))) {
            return Verdict.TIMESTAMP_OUT_OF_TOLERANCE;
        }
        for (String secret : secrets) {
            byte[] expected = sign(secret, id, timestamp.trim(), body);
            for (String candidate : signatureHeader.trim().split(" +")) {
                if (candidate.startsWith("v1,") && constantTimeEquals(expected, candidate.substring(3))) {
                    return Verdict.VALID;
                }
            }
        }
        return Verdict.BAD_SIGNATURE;
    }

    /** The {@code webhook-signature} value for a delivery (used by tests and the demo script's documentation). */
    public static String header(String secret, String id, String timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(sign(secret, id, timestamp, body));
    }

    /** A new random secret. */
    public static String newSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    private static boolean constantTimeEquals(byte[] expected, String presentedBase64) {
        try {
            return MessageDigest.isEqual(expected, Base64.getDecoder().decode(presentedBase64));
        } catch (IllegalArgumentException e) {
            return false; // not base64: cannot match
        }
    }

    private static byte[] sign(String secret, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] key(String secret) {
        return secret.startsWith(PREFIX)
                ? Base64.getDecoder().decode(secret.substring(PREFIX.length()))
                : secret.getBytes(StandardCharsets.UTF_8);
    }
}
