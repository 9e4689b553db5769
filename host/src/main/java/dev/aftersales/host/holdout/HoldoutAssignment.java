package dev.aftersales.host.holdout;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Which group a customer belongs to in one draw: HMAC-SHA256 of the customer id under the draw's secret salt, read as
 * a number in [0, 1), compared with the share. Keyed, so nobody can pick ids that land in a group; deterministic, so
 * the same customer stays in the same group for the whole draw on every host instance without coordination.
 */
final class HoldoutAssignment {

    private HoldoutAssignment() {
    }

    static boolean heldOut(String saltHex, String customerId, int sharePercent) {
        return position(saltHex, customerId) * 100 < sharePercent;
    }

    /** The customer's place in [0, 1) for this salt: uniform over customers. */
    static double position(String saltHex, String customerId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(saltHex), "HmacSHA256"));
            long bits = ByteBuffer.wrap(mac.doFinal(customerId.getBytes(StandardCharsets.UTF_8))).getLong();
            return (bits >>> 11) * 0x1.0p-53;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
