package dev.aftersales.host.notify;

import dev.aftersales.api.notify.Recipient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What consent, caps and unsubscribes are counted by: {@code c:<customer id>} for a customer,
 * {@code g:<SHA-256 of the lower-case address>} for a guest, so a guest's key names no address.
 */
public record RecipientKey(String value) {

    public static RecipientKey of(Recipient recipient) {
        return recipient.isGuest() ? guest(recipient.email()) : customer(recipient.customerId());
    }

    public static RecipientKey customer(String customerId) {
        return new RecipientKey("c:" + customerId);
    }

    public static RecipientKey guest(String email) {
        return new RecipientKey("g:" + emailHash(email));
    }

    public boolean isGuest() {
        return value.startsWith("g:");
    }

    /** The customer id of a customer's key. */
    public String customerId() {
        return isGuest() ? null : value.substring(2);
    }

    /** The address hash of a guest's key. */
    public String guestEmailHash() {
        return isGuest() ? value.substring(2) : null;
    }

    /** The SHA-256 of the trimmed, lower-case address: all that a suppression list keeps. */
    public static String emailHash(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
