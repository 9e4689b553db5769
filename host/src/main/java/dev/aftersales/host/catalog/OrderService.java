package dev.aftersales.host.catalog;

import static dev.aftersales.host.jooq.Tables.ORDERS;
import static dev.aftersales.host.jooq.Tables.ORDER_LINES;

import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.OrderHistory;
import dev.aftersales.api.catalog.OrderLine;
import dev.aftersales.api.catalog.OrderSignals;
import dev.aftersales.api.catalog.Orders;
import dev.aftersales.host.jooq.tables.records.OrderLinesRecord;
import dev.aftersales.host.jooq.tables.records.OrdersRecord;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** The host's mirror of orders, per shop. */
@Component
public class OrderService {

    private final DSLContext db;

    public OrderService(DSLContext db) {
        this.db = db;
    }

    public Orders forShop(String shopId) {
        return new ShopOrders(shopId);
    }

    /** Inserts or replaces an order with its lines (demo seeding, tests; webhooks go through MirrorUpdates). */
    public void save(String shopId, Order order) {
        db.transaction(tx -> MirrorRows.replaceOrder(tx.dsl(), shopId, order, null));
    }

    private List<Order> withLines(String shopId, List<OrdersRecord> orders) {
        if (orders.isEmpty()) {
            return List.of();
        }
        Map<String, List<OrderLine>> lines = db.selectFrom(ORDER_LINES)
                .where(ORDER_LINES.SHOP_ID.eq(shopId)
                        .and(ORDER_LINES.ORDER_ID.in(orders.stream().map(OrdersRecord::getOrderId).toList())))
                .orderBy(ORDER_LINES.ORDER_ID, ORDER_LINES.LINE_NO)
                .stream()
                .collect(Collectors.groupingBy(OrderLinesRecord::getOrderId,
                        Collectors.mapping(OrderService::toLine, Collectors.toList())));
        return orders.stream().map(order -> new Order(order.getOrderId(), order.getCustomerId(),
                order.getPlacedAt().toInstant(ZoneOffset.UTC), Order.OrderStatus.valueOf(order.getStatus()),
                new Money(order.getTotal(), order.getCurrency()),
                lines.getOrDefault(order.getOrderId(), List.of()), signals(order))).toList();
    }

    private static OrderSignals signals(OrdersRecord order) {
        return new OrderSignals(order.getEmail(),
                order.getCouponCodes() == null ? List.of() : List.of(order.getCouponCodes().split("\n")),
                order.getShippingAddressHash(), order.getPaymentFingerprint());
    }

    private static OrderLine toLine(OrderLinesRecord line) {
        return new OrderLine(line.getVariantId(), line.getProductId(), line.getName(), line.getQuantity(),
                new Money(line.getUnitPrice(), line.getCurrency()), line.getReturnedQuantity());
    }

    private final class ShopOrders implements Orders {

        private final String shopId;

        private ShopOrders(String shopId) {
            this.shopId = shopId;
        }

        @Override
        public List<Order> ofCustomer(String customerId, int limit) {
            return withLines(shopId, db.selectFrom(ORDERS)
                    .where(ORDERS.SHOP_ID.eq(shopId).and(ORDERS.CUSTOMER_ID.eq(customerId)))
                    .orderBy(ORDERS.PLACED_AT.desc(), ORDERS.ORDER_ID.desc())
                    .limit(limit)
                    .fetch());
        }

        @Override
        public List<OrderHistory> lastOrderedBefore(Instant before, String afterCustomerId, int limit) {
            if (limit < 1 || limit > 1000) {
                throw new IllegalArgumentException("limit must lie between 1 and 1000");
            }
            var placedAt = DSL.max(ORDERS.PLACED_AT);
            return db.select(ORDERS.CUSTOMER_ID, DSL.count(), DSL.min(ORDERS.PLACED_AT), placedAt)
                    .from(ORDERS)
                    // guests' and erased customers' orders have no customer id: nobody to win back
                    .where(ORDERS.SHOP_ID.eq(shopId).and(ORDERS.STATUS.ne(Order.OrderStatus.CANCELLED.name()))
                            .and(ORDERS.CUSTOMER_ID.ne(""))
                            .and(afterCustomerId == null ? DSL.noCondition() : ORDERS.CUSTOMER_ID.gt(afterCustomerId)))
                    .groupBy(ORDERS.CUSTOMER_ID)
                    .having(placedAt.lt(LocalDateTime.ofInstant(before, ZoneOffset.UTC)))
                    .orderBy(ORDERS.CUSTOMER_ID)
                    .limit(limit)
                    .fetch(row -> new OrderHistory(row.value1(), row.value2(), row.value3().toInstant(ZoneOffset.UTC),
                            row.value4().toInstant(ZoneOffset.UTC)));
        }

        @Override
        public Optional<Order> order(String orderId) {
            return withLines(shopId, db.selectFrom(ORDERS)
                    .where(ORDERS.SHOP_ID.eq(shopId).and(ORDERS.ORDER_ID.eq(orderId)))
                    .fetch()).stream().findFirst();
        }
    }
}
