package dev.aftersales.plugins.referral;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.graphql.Connection;
import dev.aftersales.api.graphql.FieldCall;
import dev.aftersales.api.graphql.GlobalId;
import dev.aftersales.api.graphql.PageRequest;
import dev.aftersales.api.graphql.UserError;
import dev.aftersales.plugins.referral.jooq.tables.records.ReferralFriendRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Record;

/**
 * Operator API ({@code admin.graphqls}): the review queue with each referral's signals, approve or reject, revoking a
 * referrer's code, and the programme's report. Programme settings are plugin settings ({@code pluginSettingsUpdate}).
 */
final class ReferralAdmin {

    static final String NOT_FOUND = "NOT_FOUND";
    static final String NOT_FLAGGED = "NOT_FLAGGED";
    static final String INVALID = "INVALID";
    private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

    /** {@code ReferralReview}: a flagged referral with what was seen. */
    public record Review(String id, String referrerId, String friendCustomerId, String friendEmail, String orderId,
                         BigDecimal orderAmount, String currency, long points, Instant referredAt, List<SignalView> signals) {
    }

    /** {@code ReferralSignal}. */
    public record SignalView(String reason, String action, String detail) {
    }

    /** {@code ReferralReviewPayload}. */
    public record ReviewPayload(String state, List<UserError> userErrors) {
    }

    /** {@code ReferralCodeRevokePayload}. */
    public record RevokePayload(String revokedCode, List<UserError> userErrors) {
    }

    /** {@code ReferralReport}. */
    public record Report(Instant since, int visits, int signUps, int firstOrders, int rewardedReferrals,
                         long pointsRewarded, int friendCoupons, List<ReasonCount> blocked, List<ReasonCount> flagged,
                         List<Revenue> revenue) {
    }

    /** {@code ReferralRevenue}. */
    public record Revenue(BigDecimal amount, String currencyCode) {
    }

    /** {@code ReferralReasonCount}. */
    public record ReasonCount(String reason, int count) {
    }

    void register(Wiring wiring) {
        wiring.adminField("Shop", "referral", call -> Map.of());
        wiring.adminField("ReferralProgramme", "reviewQueue", this::queue);
        wiring.adminField("ReferralProgramme", "report", this::report);
        wiring.adminField("Mutation", "referralReview", this::review);
        wiring.adminField("Mutation", "referralCodeRevoke", this::revoke);
    }

    Connection<Review> queue(FieldCall call) {
        FeatureContext shop = call.shop();
        PageRequest page = call.page();
        ReferralStore store = ReferralStore.of(shop);
        List<Review> reviews = store.queue(page.after().map(Long::valueOf).orElse(null), page.first() + 1).stream()
                .map(r -> new Review(GlobalId.encode("ReferralReview", r.getId()), r.getReferrerId(),
                        r.getFriendCustomerId(), r.getFriendEmail(), r.getOrderId(),
                        r.getOrderAmount(), r.getCurrency(),
                        r.getPoints(), ReferralStore.instant(r.getCreatedAt()),
                        store.signals(r.getId()).stream()
                                .map(s -> new SignalView(s.getReasonCode(), s.getAction(), s.getDetail())).toList()))
                .toList();
        return Connection.of(reviews, page,
                review -> String.valueOf(GlobalId.decodeLong("ReferralReview", review.id()).orElseThrow()));
    }

    /**
     * Approve: the referral qualifies (the referrer is told); if the order was delivered meanwhile the points are
     * booked with the availability the delivery set. Reject: no reward. Only a flagged referral can be decided.
     */
    ReviewPayload review(FieldCall call) {
        FeatureContext shop = call.shop();
        Map<String, Object> input = call.input();
        String decision = String.valueOf(input.get("decision"));
        Optional<Long> id = GlobalId.decodeLong("ReferralReview", (String) input.get("referralId"));
        if (id.isEmpty()) {
            return new ReviewPayload(null, List.of(UserError.of(NOT_FOUND, "There is no such referral",
                    "input", "referralId")));
        }
        return shop.inTransaction(tx -> {
            ReferralStore store = ReferralStore.in(tx.dsl(), shop);
            Optional<ReferralFriendRecord> referral = store.lockReferral(id.get());
            if (referral.isEmpty()) {
                return new ReviewPayload(null, List.of(UserError.of(NOT_FOUND, "There is no such referral",
                        "input", "referralId")));
            }
            if (!ReferralState.FLAGGED.name().equals(referral.get().getState())) {
                return new ReviewPayload(referral.get().getState(), List.of(UserError.of(NOT_FLAGGED,
                        "This referral is not waiting for review (it is " + referral.get().getState() + ")",
                        "input", "referralId")));
            }
            Instant now = shop.clock().instant();
            ReferralState state;
            if ("REJECT".equals(decision)) {
                state = ReferralState.REJECTED;
                store.setState(id.get(), state, null, now);
            } else if (referral.get().getAvailableAt() != null) {
                state = ReferralState.REWARDED;
                Qualifying.book(shop, referral.get(), ReferralStore.instant(referral.get().getAvailableAt()));
                store.setState(id.get(), state, null, now);
                Qualifying.tellQualified(shop, referral.get().getReferrerId(), id.get(), referral.get().getPoints());
            } else {
                state = ReferralState.QUALIFIED;
                store.setState(id.get(), state, null, now);
                Qualifying.tellQualified(shop, referral.get().getReferrerId(), id.get(), referral.get().getPoints());
            }
            return new ReviewPayload(state.name(), List.of());
        });
    }

    /** The referrer's code stops working at once; they get a new one the next time they look at their link. */
    RevokePayload revoke(FieldCall call) {
        FeatureContext shop = call.shop();
        Map<String, Object> input = call.input();
        String customerId = input.get("customerId") instanceof String id ? id.trim() : "";
        String reason = input.get("reason") instanceof String text ? text.trim() : "";
        if (customerId.isEmpty() || reason.isEmpty() || reason.length() > 500) {
            return new RevokePayload(null, List.of(UserError.of(INVALID,
                    "Name the referrer (customerId) and a reason of 1 to 500 characters", "input")));
        }
        return shop.inTransaction(tx -> ReferralStore.in(tx.dsl(), shop).revoke(customerId, reason,
                        shop.clock().instant())
                .map(code -> new RevokePayload(code, List.of()))
                .orElseGet(() -> new RevokePayload(null, List.of(UserError.of(NOT_FOUND,
                        "This customer has no referral code", "input", "customerId")))));
    }

    Report report(FieldCall call) {
        FeatureContext shop = call.shop();
        Instant since = call.argument("since") instanceof Instant given ? given
                : shop.clock().instant().minus(DEFAULT_PERIOD);
        ReferralStore store = ReferralStore.of(shop);
        Map<String, Integer> states = new HashMap<>();
        store.countsByState(since).forEach(row -> states.put(row.get(0, String.class), row.get(1, Integer.class)));
        int all = states.values().stream().mapToInt(Integer::intValue).sum();
        var signals = store.signalCounts(since);
        var rewarded = store.revenue(since, List.of(ReferralState.REWARDED.name(), ReferralState.AVAILABLE.name()));
        return new Report(since, store.visits(since), all - states.getOrDefault(ReferralState.BLOCKED.name(), 0)
                + store.blockedAtOrder(since), store.firstOrders(since),
                rewarded.stream().mapToInt(r -> r.get(1, Integer.class)).sum(),
                rewarded.stream().mapToLong(r -> r.get(3, BigDecimal.class).longValue()).sum(),
                store.friendCoupons(since), counts(signals, "BLOCK"), counts(signals, "FLAG"),
                store.revenue(since, ReferralState.PAYING).stream()
                        .map(r -> new Revenue(r.get(2, BigDecimal.class), r.get(0, String.class))).toList());
    }

    private static List<ReasonCount> counts(List<? extends Record> signals, String action) {
        return signals.stream().filter(r -> action.equals(r.get(1, String.class)))
                .map(r -> new ReasonCount(r.get(0, String.class), r.get(2, Integer.class))).toList();
    }
}
