package dev.aftersales.plugins.referral;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.graphql.FieldCall;
import dev.aftersales.api.graphql.UserError;
import dev.aftersales.api.notify.Recipient;
import dev.aftersales.api.platform.Coupon;
import dev.aftersales.api.platform.CouponRequest;
import dev.aftersales.api.platform.PlatformException;
import dev.aftersales.plugins.referral.ReferralCodes.Active;
import dev.aftersales.plugins.referral.ReferralCodes.Resolved;
import dev.aftersales.plugins.referral.ReferralCodes.Revoked;
import dev.aftersales.plugins.referral.jooq.tables.records.ReferralFriendRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The friend's side: the landing page ({@code referralVisit}), claiming the friend reward ({@code referralClaim}),
 * and the referrer telling the shop they shared their link ({@code referralLinkShare}).
 */
final class Landing {

    static final String UNKNOWN_CODE = "UNKNOWN_CODE";
    static final String REVOKED_CODE = "REVOKED_CODE";
    static final String OWN_CODE = "OWN_CODE";
    static final String ALREADY_CUSTOMER = "ALREADY_CUSTOMER";
    static final String ALREADY_REFERRED = "ALREADY_REFERRED";
    static final String REFUSED = "REFUSED";
    static final String SELF_REFERRAL = "SELF_REFERRAL";
    static final String PLATFORM_UNAVAILABLE = "PLATFORM_UNAVAILABLE";
    static final String INVALID = "INVALID";

    /** {@code ReferralLanding}: whether the code works and what the friend gets. */
    public record LandingView(String status, Integer friendDiscountPercent, Integer couponValidDays,
                              BigDecimal minimumOrderValue) {
    }

    /** {@code ReferralClaimPayload}. */
    public record ClaimPayload(FriendCoupon coupon, List<UserError> userErrors) {

        static ClaimPayload failed(String code, String message, String... field) {
            return new ClaimPayload(null, List.of(UserError.of(code, message, field)));
        }
    }

    /** {@code ReferralFriendCoupon}. */
    public record FriendCoupon(String code, Instant expiresAt, int percentOff) {
    }

    /** {@code ReferralLinkSharePayload}. */
    public record SharePayload(Integer shares, List<UserError> userErrors) {
    }

    /** The landing page: records the visit (with the device, for the same-device check) and says what is offered. */
    LandingView visit(FieldCall call) {
        FeatureContext shop = call.shop();
        Resolved resolved = ReferralCodes.resolve(shop, call.argument("code"));
        if (!(resolved instanceof Active active)) {
            return new LandingView(resolved instanceof Revoked ? REVOKED_CODE : UNKNOWN_CODE, null, null, null);
        }
        if (call.viewer().customerId().filter(active.referrerId()::equals).isPresent()) {
            return new LandingView(OWN_CODE, null, null, null);
        }
        shop.inTransaction(tx -> {
            ReferralStore.in(tx.dsl(), shop).insertVisit(active.referrerId(), active.code(),
                    call.device().orElse(null), shop.clock().instant());
            return null;
        });
        ReferralSettings settings = ReferralSettings.of(shop.settings());
        return new LandingView("VALID", settings.friendPercent(), (int) settings.couponValidity().toDays(),
                settings.minimumOrder());
    }

    /** The referrer shared their link (the storefront reports each share): counts against leaked codes. */
    SharePayload share(FieldCall call, ReferralCodes codes) {
        FeatureContext shop = call.shop();
        String customerId = call.viewer().requireCustomer();
        codes.codeOf(shop, customerId);
        return shop.inTransaction(tx -> {
            ReferralStore store = ReferralStore.in(tx.dsl(), shop);
            store.countShare(customerId);
            return new SharePayload(store.codeOf(customerId).orElseThrow().getShares(), List.of());
        });
    }

    /**
     * The friend claims their reward: the referral is recorded against their customer id and/or e-mail, the checks
     * that can run before an order run (self-referral, same device, leaked code), and the platform issues a
     * single-use coupon outside any transaction with a key derived from the referral, so a retry or a double click
     * gets the same coupon.
     */
    ClaimPayload claim(FieldCall call, ReferralCodes codes) {
        FeatureContext shop = call.shop();
        Map<String, Object> input = call.input();
        Optional<String> friendId = call.viewer().customerId();
        String email = input.get("email") instanceof String text && !text.isBlank() ? text.trim() : null;
        if (email != null && !Recipient.isValidEmail(email)) {
            return ClaimPayload.failed(INVALID, "This is not an e-mail address", "input", "email");
        }
        if (email == null && friendId.isEmpty()) {
            return ClaimPayload.failed(INVALID, "Sign in or give your e-mail address", "input", "email");
        }
        Resolved resolved = ReferralCodes.resolve(shop, (String) input.get("code"));
        if (resolved instanceof Revoked) {
            return ClaimPayload.failed(REVOKED_CODE, "This referral code is no longer valid", "input", "code");
        }
        if (!(resolved instanceof Active active)) {
            return ClaimPayload.failed(UNKNOWN_CODE, "There is no such referral code in this shop", "input", "code");
        }
        if (friendId.isPresent() && !shop.orders().ofCustomer(friendId.get(), 1).isEmpty()) {
            return ClaimPayload.failed(ALREADY_CUSTOMER,
                    "Referral rewards are for new customers; you have ordered from this shop before");
        }
        ReferralSettings settings = ReferralSettings.of(shop.settings());
        String device = call.device().orElse(null);
        List<Order> referrerOrders = shop.orders().ofCustomer(active.referrerId(), Qualifying.REFERRER_ORDERS);
        Object outcome = shop.inTransaction(tx -> {
            ReferralStore store = ReferralStore.in(tx.dsl(), shop);
            Optional<ReferralFriendRecord> earlier = friendId.flatMap(id -> store.lockByFriend(id))
                    .or(() -> email == null ? Optional.empty() : store.lockByEmailKey(Emails.key(email)));
            if (earlier.isPresent()) {
                // a retry of the same claim (double click, lost answer) goes on; anything else was referred before
                return earlier.get().getCode().equals(active.code())
                        && ReferralState.CLAIMED.name().equals(earlier.get().getState())
                        ? earlier.get().getId() : ClaimPayload.failed(ALREADY_REFERRED,
                        "You were referred to this shop before; the reward is given once");
            }
            List<FraudChecks.Signal> signals = FraudChecks.run(settings, new FraudChecks.Facts(active.referrerId(),
                    friendId.orElse(null), email == null ? List.of() : List.of(email), null,
                    store.isReferrerDevice(active.referrerId(), device), referrerOrders, 0,
                    store.usesOfCode(active.code()) + 1, store.codeOf(active.referrerId()).map(c -> c.getShares())
                    .orElse(0)));
            Instant now = shop.clock().instant();
            if (FraudChecks.blocks(signals)) {
                // kept for the report without the friend's identity, so a blocked attempt reserves nothing
                long id = store.insertReferral(active.referrerId(), active.code(), null, null, device, now);
                store.setState(id, ReferralState.BLOCKED, null, now);
                signals.forEach(signal -> store.insertSignal(id, signal, now));
                return ClaimPayload.failed(refusalCode(signals), refusal(signals));
            }
            long id = store.insertReferral(active.referrerId(), active.code(), friendId.orElse(null), email, device,
                    now);
            signals.forEach(signal -> store.insertSignal(id, signal, now));
            return id;
        });
        if (outcome instanceof ClaimPayload refused) {
            return refused;
        }
        return issueCoupon(shop, settings, (Long) outcome, friendId.orElse(null));
    }

    private static ClaimPayload issueCoupon(FeatureContext shop, ReferralSettings settings, long referralId,
                                            String friendId) {
        ReferralFriendRecord referral = ReferralStore.of(shop).referral(referralId).orElseThrow();
        if (referral.getCouponCode() != null) {
            return succeeded(referral, settings);
        }
        Coupon coupon;
        try {
            coupon = shop.platform().issueCoupon(new CouponRequest(friendId, CouponRequest.Kind.PERCENTAGE,
                    BigDecimal.valueOf(settings.friendPercent()), null,
                    shop.clock().instant().plus(settings.couponValidity()), "referral:friend:" + referralId));
        } catch (PlatformException e) {
            return ClaimPayload.failed(PLATFORM_UNAVAILABLE,
                    "The shop could not issue your coupon right now; please try again in a moment");
        }
        return shop.inTransaction(tx -> {
            ReferralStore store = ReferralStore.in(tx.dsl(), shop);
            ReferralFriendRecord row = store.lockReferral(referralId).orElseThrow();
            if (row.getCouponCode() == null) {
                store.setCoupon(referralId, coupon.code(), coupon.expiresAt());
            }
            return succeeded(store.referral(referralId).orElseThrow(), settings);
        });
    }

    private static ClaimPayload succeeded(ReferralFriendRecord referral, ReferralSettings settings) {
        return new ClaimPayload(new FriendCoupon(referral.getCouponCode(),
                ReferralStore.instant(referral.getCouponExpiresAt()), settings.friendPercent()), List.of());
    }

    /** A referral of oneself says so; other blocks say only that the referral was refused. */
    private static String refusalCode(List<FraudChecks.Signal> signals) {
        return signals.stream().anyMatch(s -> s.action() == ReferralSettings.Action.BLOCK
                && (s.reason() == FraudChecks.Reason.SAME_CUSTOMER || s.reason() == FraudChecks.Reason.SAME_EMAIL))
                ? SELF_REFERRAL : REFUSED;
    }

    private static String refusal(List<FraudChecks.Signal> signals) {
        List<String> reasons = new ArrayList<>();
        signals.stream().filter(s -> s.action() == ReferralSettings.Action.BLOCK)
                .forEach(s -> reasons.add(s.reason().name()));
        return "This referral cannot be accepted (" + String.join(", ", reasons) + ")";
    }
}
