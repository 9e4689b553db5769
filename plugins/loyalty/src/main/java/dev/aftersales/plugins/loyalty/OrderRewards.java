package dev.aftersales.plugins.loyalty;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.events.CustomerChanged;
import dev.aftersales.api.events.OrderReturned;
import dev.aftersales.api.events.OrderStatusChanged;
import dev.aftersales.plugins.loyalty.jooq.tables.records.LoyaltyOrderRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points for orders. On delivery the order's points are booked pending until the return window closes (they count
 * the units kept at that moment, so a return or cancellation that arrived before the delivery is already deducted).
 * A return or cancellation afterwards reverses the returned lines' share: inside the window it cancels pending
 * points; after it, it takes them back as far as the balance allows (the ledger records the shortfall). Every event
 * is read against the host's order mirror, so replayed or out-of-order events book nothing twice.
 */
final class OrderRewards {

    private static final Logger log = LoggerFactory.getLogger(OrderRewards.class);

    void onStatusChanged(FeatureContext shop, OrderStatusChanged event) {
        switch (event.to()) {
            case DELIVERED -> delivered(shop, event.orderId(), event.customerId());
            case CANCELLED, RETURNED -> returned(shop, event.orderId(), event.customerId());
            default -> {
            }
        }
    }

    void onReturned(FeatureContext shop, OrderReturned event) {
        returned(shop, event.orderId(), event.customerId());
    }

    /** A new customer account gets the sign-up bonus once (a customer with orders is not new). */
    void onCustomerChanged(FeatureContext shop, CustomerChanged event) {
        LoyaltySettings settings = LoyaltySettings.of(shop.settings());
        if (settings.signupBonus() > 0 && shop.orders().ofCustomer(event.customerId(), 1).isEmpty()) {
            shop.rewards().earn(event.customerId(), settings.signupBonus(), "Welcome bonus", "signup",
                    "loyalty:signup:" + event.customerId(), null);
        }
    }

    static String earnKey(String orderId) {
        return "loyalty:order:" + orderId;
    }

    private void delivered(FeatureContext shop, String orderId, String customerId) {
        Optional<Order> order = known(shop, orderId, customerId);
        if (order.isEmpty()) {
            return;
        }
        LoyaltySettings settings = LoyaltySettings.of(shop.settings());
        String tier = TierReview.review(shop, customerId, true);
        BigDecimal multiplier = Programmes.of(shop).tiers().multiplierOf(tier);
        BigDecimal amount = OrderPoints.keptAmount(order.get());
        long points = OrderPoints.points(amount, settings.pointsPerUnit(), multiplier);
        Instant now = shop.clock().instant();
        Instant availableAt = now.plus(settings.returnWindow());
        shop.inTransaction(tx -> {
            Members members = Members.in(tx.dsl(), shop);
            if (members.lockOrder(orderId).isPresent()) {
                return null;
            }
            members.insertOrder(orderId, customerId, points, amount, order.get().total().currency(), multiplier, now,
                    availableAt);
            if (points > 0) {
                shop.rewards().earn(customerId, points, "Order " + orderId, "order:" + orderId, earnKey(orderId),
                        availableAt);
            }
            return null;
        });
        if (!availableAt.isAfter(now)) {
            TierReview.review(shop, customerId, true); // no return window: the points count at once
        }
    }

    private void returned(FeatureContext shop, String orderId, String customerId) {
        Optional<Order> order = known(shop, orderId, customerId);
        if (order.isEmpty()) {
            return;
        }
        BigDecimal kept = OrderPoints.keptAmount(order.get());
        boolean changed = shop.inTransaction(tx -> {
            Members members = Members.in(tx.dsl(), shop);
            Optional<LoyaltyOrderRecord> rewarded = members.lockOrder(orderId);
            if (rewarded.isEmpty()) {
                // not delivered yet: the delivery will count only the units kept
                return false;
            }
            LoyaltyOrderRecord row = rewarded.get();
            long keptPoints = row.getAmount().signum() == 0 ? 0
                    : BigDecimal.valueOf(row.getPoints()).multiply(kept)
                    .divide(row.getAmount(), 0, RoundingMode.FLOOR).min(BigDecimal.valueOf(row.getPoints()))
                    .longValueExact();
            long toReverse = row.getPoints() - keptPoints;
            if (toReverse <= row.getReversedPoints()) {
                return false;
            }
            shop.rewards().reverse(earnKey(orderId), toReverse - row.getReversedPoints(), "Return of order " + orderId,
                    "loyalty:return:" + orderId + ":" + toReverse);
            members.recordReturn(orderId, toReverse, row.getAmount().subtract(kept).max(BigDecimal.ZERO));
            return true;
        });
        if (changed) {
            TierReview.review(shop, customerId, true);
        }
    }

    /** The order as the mirror has it, if it belongs to the customer the event names; else nothing to do. */
    private static Optional<Order> known(FeatureContext shop, String orderId, String customerId) {
        Optional<Order> order = shop.orders().order(orderId).filter(o -> o.customerId().equals(customerId));
        if (order.isEmpty()) {
            log.warn("Shop {}: order {} of customer {} is not in the order mirror; no points booked", shop.shopId(),
                    orderId, customerId);
        }
        return order;
    }
}
