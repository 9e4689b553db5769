package dev.aftersales.plugins.referral;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.OrderLine;
import dev.aftersales.api.events.OrderPlaced;
import dev.aftersales.api.events.OrderReturned;
import dev.aftersales.api.events.OrderStatusChanged;
import dev.aftersales.api.notify.Category;
import dev.aftersales.api.notify.Notification;
import dev.aftersales.api.notify.Recipient;
import dev.aftersales.api.rewards.LedgerEntry;
import dev.aftersales.plugins.referral.jooq.tables.records.ReferralCodeRecord;
import dev.aftersales.plugins.referral.jooq.tables.records.ReferralFriendRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The friend's first order (its lines' amount, without shipping, is what counts against the minimum): matched to a referral by the friend's customer id, the friend coupon or referral code the
 * platform reports on the order, or the order's e-mail; checked (first order, minimum value, fraud checks); at
 * delivery the referrer's points are booked pending until the return window closes, and a return or cancellation
 * takes them back. Every step locks the referral row and checks its state, so a duplicate or concurrent delivery of
 * the same event books nothing twice, and the ledger's idempotency keys guard the bookings once more.
 */
final class Qualifying {

    /** How many of the referrer's orders the checks compare with (addresses, payment, e-mail). */
    static final int REFERRER_ORDERS = 50;
    static final String NOT_FIRST_ORDER = "NOT_FIRST_ORDER";
    static final String BELOW_MINIMUM = "BELOW_MINIMUM";
    static final String ORDER_RETURNED = "ORDER_RETURNED";

    private static final Logger log = LoggerFactory.getLogger(Qualifying.class);

    void onPlaced(FeatureContext shop, OrderPlaced event) {
        Optional<Order> order = shop.orders().order(event.orderId());
        if (order.isEmpty()) {
            log.warn("Shop {}: order {} is not in the order mirror; no referral checked", shop.shopId(),
                    event.orderId());
            return;
        }
        qualify(shop, order.get());
        if (order.get().status() == Order.OrderStatus.DELIVERED) {
            delivered(shop, order.get().id());
        }
    }

    void onStatusChanged(FeatureContext shop, OrderStatusChanged event) {
        switch (event.to()) {
            case DELIVERED -> delivered(shop, event.orderId());
            case CANCELLED, RETURNED -> returned(shop, event.orderId());
            default -> {
            }
        }
    }

    void onReturned(FeatureContext shop, OrderReturned event) {
        returned(shop, event.orderId());
    }

    static String rewardKey(long referralId) {
        return "referral:reward:" + referralId;
    }

    private void qualify(FeatureContext shop, Order order) {
        ReferralSettings settings = ReferralSettings.of(shop.settings());
        String customerId = order.customerId();
        boolean earlierOrder = shop.orders().ofCustomer(customerId, REFERRER_ORDERS).stream()
                .anyMatch(other -> !other.id().equals(order.id()) && isBefore(other, order));
        shop.inTransaction(tx -> {
            ReferralStore store = ReferralStore.in(tx.dsl(), shop);
            if (store.byOrder(order.id()).isPresent()) {
                return null; // this order was looked at before
            }
            Optional<ReferralFriendRecord> found = find(shop, store, order);
            if (found.isEmpty() || !ReferralState.CLAIMED.name().equals(found.get().getState())
                    || found.get().getFriendCustomerId() != null
                    && !found.get().getFriendCustomerId().equals(customerId)) {
                // no referral, its first order was seen already, or someone else used the friend's coupon
                return null;
            }
            ReferralFriendRecord referral = found.get();
            long id = referral.getId();
            Instant now = shop.clock().instant();
            if (referral.getFriendCustomerId() == null) {
                store.attachFriend(id, customerId);
            }
            store.attachOrder(id, order.id(), keptAmount(order), order.total().currency(),
                    settings.referrerPoints());
            if (earlierOrder) {
                store.setState(id, ReferralState.VOID, NOT_FIRST_ORDER, now);
                return null;
            }
            if (keptAmount(order).compareTo(settings.minimumOrder()) < 0) {
                store.setState(id, ReferralState.VOID, BELOW_MINIMUM, now);
                return null;
            }
            List<FraudChecks.Signal> signals = new ArrayList<>(FraudChecks.run(settings, facts(shop, store,
                    referral, order, now)));
            signals.forEach(signal -> store.insertSignal(id, signal, now));
            boolean flagged = store.signals(id).stream()
                    .anyMatch(s -> ReferralSettings.Action.FLAG.name().equals(s.getAction()));
            if (FraudChecks.blocks(signals)) {
                store.setState(id, ReferralState.BLOCKED, null, now);
            } else if (flagged) {
                store.setState(id, ReferralState.FLAGGED, null, now);
            } else {
                store.setState(id, ReferralState.QUALIFIED, null, now);
                tellQualified(shop, referral.getReferrerId(), id, settings.referrerPoints());
            }
            return null;
        });
    }

    /** The referral the order belongs to; a referral code typed at checkout starts one on the spot. */
    private static Optional<ReferralFriendRecord> find(FeatureContext shop, ReferralStore store, Order order) {
        Optional<ReferralFriendRecord> referral = store.lockByFriend(order.customerId())
                .or(() -> store.lockByCoupon(order.signals().couponCodes()))
                .or(() -> Optional.ofNullable(order.signals().email()).flatMap(e -> store.lockByEmailKey(Emails.key(e))));
        if (referral.isPresent()) {
            return referral;
        }
        for (String used : order.signals().couponCodes()) {
            if (ReferralCodes.resolve(shop, used) instanceof ReferralCodes.Active active) {
                long id = store.insertReferral(active.referrerId(), active.code(), order.customerId(),
                        order.signals().email(), null, shop.clock().instant());
                return store.lockReferral(id);
            }
        }
        return Optional.empty();
    }

    private static FraudChecks.Facts facts(FeatureContext shop, ReferralStore store, ReferralFriendRecord referral,
                                           Order order, Instant now) {
        Instant monthStart = YearMonth.from(now.atZone(ZoneOffset.UTC)).atDay(1).atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        int shares = store.codeOf(referral.getReferrerId()).map(ReferralCodeRecord::getShares).orElse(0);
        return new FraudChecks.Facts(referral.getReferrerId(), order.customerId(),
                Stream.of(referral.getFriendEmail(), order.signals().email()).filter(e -> e != null).toList(), order,
                store.isReferrerDevice(referral.getReferrerId(), referral.getDeviceHash()),
                shop.orders().ofCustomer(referral.getReferrerId(), REFERRER_ORDERS),
                store.ordersThisMonth(referral.getReferrerId(), monthStart, referral.getId()),
                store.usesOfCode(referral.getCode()), shares);
    }

    /** Delivery: a qualified referral's points are booked pending until the return window closes. */
    private void delivered(FeatureContext shop, String orderId) {
        ReferralSettings settings = ReferralSettings.of(shop.settings());
        shop.inTransaction(tx -> {
            ReferralStore store = ReferralStore.in(tx.dsl(), shop);
            Optional<ReferralFriendRecord> referral = store.lockByOrder(orderId);
            if (referral.isEmpty() || referral.get().getAvailableAt() != null) {
                return null;
            }
            Instant now = shop.clock().instant();
            Instant availableAt = now.plus(settings.returnWindow());
            switch (ReferralState.valueOf(referral.get().getState())) {
                case QUALIFIED -> {
                    book(shop, referral.get(), availableAt);
                    store.rewarded(referral.get().getId(), availableAt, now);
                }
                // under review: remember when the points would become available, book them if approved
                case FLAGGED -> store.availableAt(referral.get().getId(), availableAt);
                default -> {
                }
            }
            return null;
        });
    }

    static void book(FeatureContext shop, ReferralFriendRecord referral, Instant availableAt) {
        shop.rewards().earn(referral.getReferrerId(), referral.getPoints(), "Referral: a friend's first order",
                "order:" + referral.getOrderId(), rewardKey(referral.getId()), availableAt);
    }

    /**
     * A return or cancellation: when what is kept falls below the minimum (or nothing is kept), the referral loses its
     * reward; points already booked are reversed as far as the balance allows, the shortfall is recorded.
     */
    private void returned(FeatureContext shop, String orderId) {
        Optional<Order> order = shop.orders().order(orderId);
        ReferralSettings settings = ReferralSettings.of(shop.settings());
        if (order.isEmpty() || keptAmount(order.get()).compareTo(settings.minimumOrder()) >= 0
                && order.get().status() != Order.OrderStatus.CANCELLED
                && order.get().status() != Order.OrderStatus.RETURNED) {
            return;
        }
        shop.inTransaction(tx -> {
            ReferralStore store = ReferralStore.in(tx.dsl(), shop);
            Optional<ReferralFriendRecord> referral = store.lockByOrder(orderId);
            if (referral.isEmpty()) {
                return null;
            }
            long id = referral.get().getId();
            Instant now = shop.clock().instant();
            switch (ReferralState.valueOf(referral.get().getState())) {
                case QUALIFIED, FLAGGED -> store.setState(id, ReferralState.VOID, ORDER_RETURNED, now);
                case REWARDED, AVAILABLE -> {
                    LedgerEntry reversal = shop.rewards().reverse(rewardKey(id), referral.get().getPoints(),
                            "Referral: the friend's order " + orderId + " came back", "referral:reversal:" + id);
                    store.reversed(id, ORDER_RETURNED, reversal.shortfall(), now);
                }
                default -> {
                }
            }
            return null;
        });
    }

    static void tellQualified(FeatureContext shop, String referrerId, long referralId, long points) {
        shop.notifier().enqueue(Notification.to(Recipient.customer(referrerId))
                .template("referral-qualified")
                .category(Category.ALERT)
                .data(Map.of("points", points))
                .dedupeKey("referral:qualified:" + referralId)
                .build());
    }

    private static BigDecimal keptAmount(Order order) {
        return order.lines().stream()
                .map(line -> line.unitPrice().amount().multiply(BigDecimal.valueOf(kept(line))))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static int kept(OrderLine line) {
        return line.quantity() - line.returnedQuantity();
    }

    private static boolean isBefore(Order other, Order order) {
        int byTime = other.placedAt().compareTo(order.placedAt());
        return byTime < 0 || byTime == 0 && other.id().compareTo(order.id()) < 0;
    }
}
