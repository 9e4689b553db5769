package dev.aftersales.api.catalog;

import java.util.List;
import java.util.Locale;

/**
 * What the shop platform reports about how an order was placed, beyond what was bought: for features that must tell
 * people apart (a referral programme refusing self-referrals, a coupon used by the wrong person). Every part is
 * optional; a platform that sends none gives {@link #NONE}.
 *
 * <pre>{@code
 * OrderSignals signals = shop.orders().order("o-1001").orElseThrow().signals();
 * boolean usedCode = signals.usedCoupon("FRIEND-7Q2X");
 * }</pre>
 *
 * @param email               the address the order was placed with (may differ from the account's); null if not sent
 * @param couponCodes         coupon or referral codes applied to the order, as the customer typed them; never null
 * @param shippingAddressHash an opaque hash of the normalised shipping address, the same for the same address; null
 *                            if not sent
 * @param paymentFingerprint  the payment provider's fingerprint of the card or account (never the number); null if
 *                            not sent
 * @since plugin API 1.1
 */
public record OrderSignals(String email, List<String> couponCodes, String shippingAddressHash,
                           String paymentFingerprint) {

    /** An order the platform reported nothing more about. */
    public static final OrderSignals NONE = new OrderSignals(null, List.of(), null, null);

    public OrderSignals {
        couponCodes = couponCodes == null ? List.of() : List.copyOf(couponCodes);
    }

    /** Whether {@code code} was applied to the order, ignoring case. */
    public boolean usedCoupon(String code) {
        return code != null && couponCodes.stream()
                .anyMatch(used -> used.toUpperCase(Locale.ROOT).equals(code.toUpperCase(Locale.ROOT)));
    }
}
