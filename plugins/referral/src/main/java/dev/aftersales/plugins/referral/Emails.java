package dev.aftersales.plugins.referral;

import java.util.Locale;
import java.util.Set;

/** E-mail addresses as the programme compares and shows them. */
final class Emails {

    /** Providers that ignore dots in the local part (and deliver +tags to the same inbox, like most providers). */
    private static final Set<String> DOTLESS = Set.of("gmail.com", "googlemail.com");

    private Emails() {
    }

    /**
     * The inbox an address reaches: lower case, without a {@code +tag}, without dots for Gmail-style providers
     * ({@code A.Nna+x@GoogleMail.com} and {@code anna@gmail.com} are one person).
     */
    static String key(String email) {
        String address = email.trim().toLowerCase(Locale.ROOT);
        int at = address.lastIndexOf('@');
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        int plus = local.indexOf('+');
        if (plus > 0) {
            local = local.substring(0, plus);
        }
        if (DOTLESS.contains(domain)) {
            local = local.replace(".", "");
            domain = "gmail.com";
        }
        return local + "@" + domain;
    }

    /** What a referrer may see of a friend's address: {@code a***@e***.com}. */
    static String masked(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        String domain = email.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        return email.charAt(0) + "***@" + domain.charAt(0) + "***" + (dot > 0 ? domain.substring(dot) : "");
    }
}
