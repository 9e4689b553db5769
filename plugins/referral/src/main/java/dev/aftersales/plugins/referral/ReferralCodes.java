package dev.aftersales.plugins.referral;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.plugins.referral.jooq.tables.records.ReferralCodeRecord;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Referral codes and links. A code is 10 random characters (50 bits: not guessable), stored per referrer and stable
 * until the operator revokes it; the link carries the code signed by the host ({@code shop.links()}), so a link
 * cannot be forged or used in another shop. A revoked code stays known as revoked, so a friend hears why it fails.
 */
final class ReferralCodes {

    static final String LINK_PURPOSE = "referral";
    /** Crockford's base 32: no I, L, O, U, so a code read aloud or typed is unambiguous. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int LENGTH = 10;

    private final SecureRandom random = new SecureRandom();

    /** What a code or link names. */
    sealed interface Resolved {
    }

    record Active(String referrerId, String code) implements Resolved {
    }

    record Revoked(String code) implements Resolved {
    }

    record Unknown() implements Resolved {
    }

    /** The customer's code, created on first use (a concurrent first use gets the same code). */
    ReferralCodeRecord codeOf(FeatureContext shop, String customerId) {
        ReferralStore store = ReferralStore.of(shop);
        Optional<ReferralCodeRecord> code = store.codeOf(customerId);
        // a new random code can collide with another customer's (then the insert is ignored): draw again
        for (int attempt = 0; code.isEmpty() && attempt < 5; attempt++) {
            store.insertCode(customerId, newCode(), shop.clock().instant());
            code = store.codeOf(customerId);
        }
        return code.orElseThrow(() -> new IllegalStateException("No free referral code after five draws"));
    }

    /** The link's token: the code, signed for this shop. */
    static String token(FeatureContext shop, String code) {
        return shop.links().sign(LINK_PURPOSE, code, null);
    }

    /** A link token (as the link carries it) or a code (as a friend types it). */
    static Resolved resolve(FeatureContext shop, String codeOrToken) {
        if (codeOrToken == null || codeOrToken.isBlank() || codeOrToken.length() > 500) {
            return new Unknown();
        }
        String text = codeOrToken.trim();
        Optional<String> code = text.contains(".")
                ? shop.links().verify(LINK_PURPOSE, text)
                : Optional.of(text.toUpperCase(Locale.ROOT));
        if (code.isEmpty()) {
            return new Unknown();
        }
        ReferralStore store = ReferralStore.of(shop);
        Optional<ReferralCodeRecord> active = store.byCode(code.get());
        if (active.isPresent()) {
            return new Active(active.get().getCustomerId(), active.get().getCode());
        }
        return store.revoked(code.get()).<Resolved>map(revoked -> new Revoked(revoked.getCode()))
                .orElse(new Unknown());
    }

    private String newCode() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
