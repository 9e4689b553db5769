package dev.aftersales.plugins.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.OrderLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderPointsTest {

    private static Order order(Order.OrderStatus status, int returnedJackets) {
        return new Order("o-1", "anna", Instant.EPOCH, status, new Money(new BigDecimal("124.60"), "EUR"), List.of(
                new OrderLine("v-1", "p-1", "Jacket", 2, new Money(new BigDecimal("49.90"), "EUR"), returnedJackets),
                new OrderLine("v-2", "p-2", "Scarf", 1, new Money(new BigDecimal("19.90"), "EUR"), 0)));
    }

    @Test
    void linesCountWithoutShippingAndRoundDownOncePerOrder() {
        // the total includes 4.90 shipping; only the lines count: 119.70
        BigDecimal kept = OrderPoints.keptAmount(order(Order.OrderStatus.DELIVERED, 0));

        assertThat(kept).isEqualByComparingTo("119.70");
        assertThat(OrderPoints.points(kept, BigDecimal.ONE, BigDecimal.ONE)).isEqualTo(119);
        assertThat(OrderPoints.points(kept, BigDecimal.ONE, new BigDecimal("1.5"))).isEqualTo(179);
        assertThat(OrderPoints.points(kept, new BigDecimal("0.1"), BigDecimal.ONE)).isEqualTo(11);
    }

    @Test
    void returnedUnitsAndCancelledOrdersDoNotCount() {
        assertThat(OrderPoints.keptAmount(order(Order.OrderStatus.DELIVERED, 1))).isEqualByComparingTo("69.80");
        assertThat(OrderPoints.keptAmount(order(Order.OrderStatus.CANCELLED, 0))).isEqualByComparingTo("0");
    }
}
