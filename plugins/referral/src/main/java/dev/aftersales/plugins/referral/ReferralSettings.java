package dev.aftersales.plugins.referral;

import dev.aftersales.api.settings.Settings;
import dev.aftersales.api.settings.SettingsSpec;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The operator's settings of the programme for one shop (the review queue, codes and report have their own operator
 * API). Every fraud check is an {@link Action}: 0 off, 1 flag for review, 2 block.
 *
 * @param referrerPoints      points the referrer earns for a friend's qualifying first order
 * @param friendPercent       percentage off the friend's first order (a single-use coupon from the platform)
 * @param couponValidity      how long the friend's coupon is valid
 * @param minimumOrder        the least order total (in the order's currency) that qualifies
 * @param returnWindow        how long after delivery the referrer's points stay pending
 * @param monthlyCap          referrals per referrer and calendar month (UTC) beyond which {@code capAction} applies
 * @param usesPerShare        a code with more referrals than this many per link share (at least one share assumed)
 *                            counts as leaked
 * @param landingUrl          the storefront page a link opens; the link adds {@code ref=<token>}
 */
record ReferralSettings(long referrerPoints, int friendPercent, Duration couponValidity, BigDecimal minimumOrder,
                        Duration returnWindow, int monthlyCap, int usesPerShare, String landingUrl,
                        Action sameCustomer, Action sameEmail, Action sameAddress, Action samePayment,
                        Action sameDevice, Action capAction, Action leakedCode) {

    /** What a fraud check does when it fires. */
    enum Action {
        OFF, FLAG, BLOCK;

        static Action of(int value) {
            return values()[value];
        }
    }

    static final SettingsSpec SPEC = SettingsSpec.builder()
            .integer("referrerPoints", 500, 1, 100_000,
                    "Points the referrer earns for a friend's qualifying first order (pending until the return window closes)")
            .integer("friendDiscountPercent", 10, 1, 100,
                    "Percentage off the friend's first order: a single-use coupon issued by the shop platform")
            .integer("friendCouponValidityDays", 30, 1, 365, "Days the friend's coupon is valid")
            .decimal("minimumOrderValue", new BigDecimal("20"), BigDecimal.ZERO, new BigDecimal("100000"),
                    "Least total of the friend's first order (in the order's currency) that earns the referrer a reward")
            .integer("returnWindowDays", 14, 0, 365,
                    "Days after delivery the referrer's points stay pending; a return or cancellation before reverses them")
            .integer("monthlyCap", 10, 0, 10_000,
                    "Referrals per referrer and calendar month (UTC) before checkMonthlyCap applies (0: no cap)")
            .integer("leakedCodeUsesPerShare", 5, 1, 1_000,
                    "A code with more referrals than this many per link share counts as leaked")
            .string("landingUrl", "https://shop.example/referral", 500,
                    "The storefront page a referral link opens (http or https); the link adds ?ref=<token>")
            .integer("checkSameCustomer", 2, 0, 2, "Friend is the referrer's own customer account: 0 off, 1 flag, 2 block")
            .integer("checkSameEmail", 2, 0, 2,
                    "Friend's e-mail equals one of the referrer's after normalisation (case, dots and +tags of Gmail-style addresses): 0 off, 1 flag, 2 block")
            .integer("checkSameAddress", 1, 0, 2, "Friend's order ships to an address the referrer used: 0 off, 1 flag, 2 block")
            .integer("checkSamePayment", 2, 0, 2,
                    "Friend pays with a payment fingerprint the referrer used (when the platform sends it): 0 off, 1 flag, 2 block")
            .integer("checkSameDevice", 1, 0, 2,
                    "Friend visited the link from a device (IP address and browser) the referrer used: 0 off, 1 flag, 2 block")
            .integer("checkMonthlyCap", 1, 0, 2, "Referrer above monthlyCap this month: 0 off, 1 flag, 2 block")
            .integer("checkLeakedCode", 1, 0, 2,
                    "Code used far more often than shared (leakedCodeUsesPerShare): 0 off, 1 flag, 2 block")
            .build();

    static ReferralSettings of(Settings settings) {
        return new ReferralSettings(settings.integer("referrerPoints"), settings.integer("friendDiscountPercent"),
                Duration.ofDays(settings.integer("friendCouponValidityDays")), settings.decimal("minimumOrderValue"),
                Duration.ofDays(settings.integer("returnWindowDays")), settings.integer("monthlyCap"),
                settings.integer("leakedCodeUsesPerShare"), settings.string("landingUrl"),
                Action.of(settings.integer("checkSameCustomer")), Action.of(settings.integer("checkSameEmail")),
                Action.of(settings.integer("checkSameAddress")), Action.of(settings.integer("checkSamePayment")),
                Action.of(settings.integer("checkSameDevice")), Action.of(settings.integer("checkMonthlyCap")),
                Action.of(settings.integer("checkLeakedCode")));
    }
}
