package dev.aftersales.plugins.loyalty;

import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.OrderLine;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Points for an order: the lines' unit prices paid times the units kept (bought less returned; none for a cancelled
 * order), times points per currency unit, times the tier multiplier, <b>rounded down once per order</b>. Shipping is
 * never counted (it is not a line); tax counts as far as the platform's unit prices include it.
 */
final class OrderPoints {

    private OrderPoints() {
    }

    /** The amount of the units kept. */
    static BigDecimal keptAmount(Order order) {
        if (order.status() == Order.OrderStatus.CANCELLED) {
            return BigDecimal.ZERO;
        }
        BigDecimal amount = BigDecimal.ZERO;
        for (OrderLine line : order.lines()) {
            int kept = Math.max(0, line.quantity() - line.returnedQuantity());
            amount = amount.add(line.unitPrice().amount().multiply(BigDecimal.valueOf(kept)));
        }
        return amount;
    }

    static long points(BigDecimal amount, BigDecimal pointsPerUnit, BigDecimal multiplier) {
        return amount.multiply(pointsPerUnit).multiply(multiplier).setScale(0, RoundingMode.FLOOR).longValueExact();
    }
}
