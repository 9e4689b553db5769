package dev.aftersales.plugins.loyalty;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.graphql.FieldCall;
import dev.aftersales.api.graphql.GlobalId;
import dev.aftersales.api.graphql.UserError;
import dev.aftersales.api.platform.Coupon;
import dev.aftersales.api.platform.CouponRequest;
import dev.aftersales.api.platform.PlatformException;
import dev.aftersales.api.rewards.EntryState;
import dev.aftersales.api.rewards.LedgerEntry;
import dev.aftersales.plugins.loyalty.jooq.tables.records.LoyaltyRedemptionRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code loyaltyRewardRedeem}: hold the points, ask the platform for a coupon (outside any transaction, with a request
 * key derived from the customer's key, so the connector's retry or a double click gets the same coupon), and only then
 * spend the points; if the platform fails, give the points back.
 */
final class Redeeming {

    static final String NOT_ENOUGH_POINTS = "NOT_ENOUGH_POINTS";
    static final String REWARD_UNAVAILABLE = "REWARD_UNAVAILABLE";
    static final String PLATFORM_UNAVAILABLE = "PLATFORM_UNAVAILABLE";
    static final String INVALID = "INVALID";

    /** {@code LoyaltyRewardRedeemPayload}. */
    public record RedeemPayload(Redemption redemption, Long balance, List<UserError> userErrors) {

        static RedeemPayload failed(String code, String message, String... field) {
            return new RedeemPayload(null, null, List.of(UserError.of(code, message, field)));
        }
    }

    /** {@code LoyaltyRedemption}. */
    public record Redemption(String couponCode, Instant expiresAt, long points) {
    }

    RedeemPayload redeem(FieldCall call) {
        FeatureContext shop = call.shop();
        String customerId = call.viewer().requireCustomer();
        Map<String, Object> input = call.input();
        String clientKey = input.get("idempotencyKey") instanceof String key ? key.trim() : "";
        if (clientKey.isEmpty() || clientKey.length() > 100) {
            return RedeemPayload.failed(INVALID, "Send an idempotencyKey of 1 to 100 characters",
                    "input", "idempotencyKey");
        }
        Optional<Programmes.Reward> reward = GlobalId.decodeLong("LoyaltyReward", (String) input.get("rewardId"))
                .flatMap(id -> Programmes.of(shop).reward(id))
                .filter(Programmes.Reward::active);
        if (reward.isEmpty()) {
            return RedeemPayload.failed(REWARD_UNAVAILABLE, "There is no such reward (or it was withdrawn)",
                    "input", "rewardId");
        }
        String key = "loyalty:redeem:" + customerId + ":" + clientKey;
        Optional<LoyaltyRedemptionRecord> done = Members.of(shop).redemption(key);
        if (done.isPresent()) {
            return succeeded(shop, customerId, done.get());
        }
        Optional<LedgerEntry> hold = shop.rewards().reserve(customerId, reward.get().points(),
                "Reward: " + reward.get().name(), "reward:" + reward.get().id(), key);
        if (hold.isEmpty()) {
            return RedeemPayload.failed(NOT_ENOUGH_POINTS, "This reward costs " + reward.get().points()
                    + " points; " + shop.rewards().balance(customerId).available() + " are available", "input",
                    "rewardId");
        }
        if (hold.get().state() == EntryState.RELEASED) {
            return RedeemPayload.failed(PLATFORM_UNAVAILABLE,
                    "An earlier attempt with this key failed and nothing was spent; try again with a new key");
        }
        LoyaltySettings settings = LoyaltySettings.of(shop.settings());
        Instant now = shop.clock().instant();
        Coupon coupon;
        try {
            coupon = shop.platform().issueCoupon(couponRequest(customerId, reward.get(), key,
                    now.plus(settings.couponValidity())));
        } catch (PlatformException e) {
            shop.rewards().release(key);
            return RedeemPayload.failed(PLATFORM_UNAVAILABLE,
                    "The shop could not issue the coupon right now; no points were spent. Please try again later.");
        }
        LoyaltyRedemptionRecord stored = shop.inTransaction(tx -> {
            Members members = Members.in(tx.dsl(), shop);
            Optional<LoyaltyRedemptionRecord> twin = members.redemption(key);
            if (twin.isPresent()) {
                return twin.get();
            }
            shop.rewards().confirm(key);
            members.insertRedemption(key, customerId, reward.get().id(), reward.get().points(), coupon.code(),
                    coupon.expiresAt(), now);
            return members.redemption(key).orElseThrow();
        });
        return succeeded(shop, customerId, stored);
    }

    private static CouponRequest couponRequest(String customerId, Programmes.Reward reward, String key,
                                               Instant expiresAt) {
        return Programmes.Reward.FREE_SHIPPING.equals(reward.kind())
                ? new CouponRequest(customerId, CouponRequest.Kind.FREE_SHIPPING, BigDecimal.ZERO, null, expiresAt, key)
                : new CouponRequest(customerId, CouponRequest.Kind.FIXED_AMOUNT, reward.amount(), reward.currency(),
                        expiresAt, key);
    }

    private static RedeemPayload succeeded(FeatureContext shop, String customerId, LoyaltyRedemptionRecord row) {
        return new RedeemPayload(new Redemption(row.getCouponCode(), Members.instant(row.getExpiresAt()),
                row.getPoints()), shop.rewards().balance(customerId).available(), List.of());
    }
}
