package dev.aftersales.api.notify;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who a message is for: a customer of the shop (the host knows their address and locale from the shop platform) or
 * a guest, who is only an e-mail address and a locale.
 *
 * <pre>{@code
 * Recipient anna = Recipient.customer("anna");
 * if (!Recipient.isValidEmail(input.email())) {
 *     return UserError.of("INVALID_EMAIL", "This is not an e-mail address", "input", "email");
 * }
 * Recipient guest = Recipient.guest(input.email(), "de-DE");
 * }</pre>
 *
 * @param customerId the shop's customer id, or null for a guest
 * @param email      a guest's address (trimmed, as given); null for a customer
 * @param locale     a BCP 47 language tag such as {@code de} or {@code de-CH}; null for a customer (the host uses
 *                   the customer's locale) or when unknown (the shop's default applies)
 */
public record Recipient(String customerId, String email, String locale) {

    /** Deliberately simple: one {@code @}, no spaces, a dot in the domain, at most 254 characters. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"(),:;<>\\[\\]\\\\]+@[^@\\s\"(),:;<>\\[\\]\\\\]+\\.[A-Za-z0-9-]{2,}");

    public Recipient {
        if ((customerId == null) == (email == null)) {
            throw new IllegalArgumentException("A recipient is either a customer id or a guest's e-mail address");
        }
        if (customerId != null && customerId.isBlank()) {
            throw new IllegalArgumentException("A customer id must not be blank");
        }
        if (email != null) {
            email = email.trim();
            if (!isValidEmail(email)) {
                throw new IllegalArgumentException("Not an e-mail address: '" + email + "'");
            }
        }
        if (locale != null && (locale.isBlank() || Locale.forLanguageTag(locale).getLanguage().isEmpty())) {
            throw new IllegalArgumentException("Not a BCP 47 language tag: '" + locale + "'");
        }
    }

    /** A signed-in customer of the shop. */
    public static Recipient customer(String customerId) {
        return new Recipient(Objects.requireNonNull(customerId, "customerId"), null, null);
    }

    /** A guest: an address and, when known, the language of the storefront they used. */
    public static Recipient guest(String email, String locale) {
        return new Recipient(null, Objects.requireNonNull(email, "email"), locale);
    }

    /** Whether {@code text} is an address the host accepts for a guest; check user input with it first. */
    public static boolean isValidEmail(String text) {
        return text != null && text.trim().length() <= 254 && EMAIL.matcher(text.trim()).matches();
    }

    public boolean isGuest() {
        return customerId == null;
    }
}
