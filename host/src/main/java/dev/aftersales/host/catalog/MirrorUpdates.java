package dev.aftersales.host.catalog;

import static dev.aftersales.host.jooq.Tables.CATALOG_PRICE_HISTORY;
import static dev.aftersales.host.jooq.Tables.CATALOG_STOCK_HISTORY;
import static dev.aftersales.host.jooq.Tables.CATALOG_VARIANTS;
import static dev.aftersales.host.jooq.Tables.CUSTOMERS;
import static dev.aftersales.host.jooq.Tables.ORDERS;
import static dev.aftersales.host.jooq.Tables.ORDER_LINES;

import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.OrderLine;
import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.events.CustomerChanged;
import dev.aftersales.api.events.CustomerDeleted;
import dev.aftersales.api.events.Event;
import dev.aftersales.api.events.OrderPlaced;
import dev.aftersales.api.events.OrderReturned;
import dev.aftersales.api.events.OrderStatusChanged;
import dev.aftersales.api.events.PriceChanged;
import dev.aftersales.api.events.StockChanged;
import dev.aftersales.api.platform.PlatformFact;
import dev.aftersales.host.jooq.tables.records.CatalogVariantsRecord;
import dev.aftersales.host.jooq.tables.records.OrdersRecord;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Applies platform facts to the host's mirror and tells what changed as the events features listen to. A fact older than what the mirror holds for the same thing changes nothing, so
 * duplicates and out-of-order deliveries converge on the platform's latest state.
 */
@Component
public class MirrorUpdates {

    /** The outcome of one fact: the events to deliver, or that the fact named a variant the mirror does not know. */
    public record Outcome(List<Event> events, Optional<String> unknownVariant) {
        static Outcome of(List<Event> events) {
            return new Outcome(events, Optional.empty());
        }

        static Outcome unknownVariant(String variantId) {
            return new Outcome(List.of(), Optional.of(variantId));
        }
    }

    /** Applies one fact inside the caller's transaction {@code tx}. */
    public Outcome apply(DSLContext tx, String shopId, PlatformFact fact) {
        return switch (fact) {
            case PlatformFact.VariantFact variant -> Outcome.of(variant(tx, shopId, variant.variant(), variant.asOf()));
            case PlatformFact.StockFact stock -> stock(tx, shopId, stock);
            case PlatformFact.PriceFact price -> price(tx, shopId, price);
            case PlatformFact.OrderFact order -> Outcome.of(order(tx, shopId, order.order(), order.asOf()));
            case PlatformFact.CustomerFact customer -> Outcome.of(customer(tx, shopId, customer));
            case PlatformFact.CustomerDeletedFact deleted -> Outcome.of(customerDeleted(deleted));
        };
    }

    private List<Event> variant(DSLContext tx, String shopId, Variant variant, Instant asOf) {
        CatalogVariantsRecord stored = lockVariant(tx, shopId, variant.id());
        if (stored != null && isStale(stored.getSourceUpdatedAt(), asOf)) {
            return List.of();
        }
        List<Event> events = new ArrayList<>();
        if (stored == null) {
            MirrorRows.replaceVariant(tx, shopId, variant, asOf, asOf);
            priceHistory(tx, shopId, variant.id(), variant.price(), asOf);
            stockHistory(tx, shopId, variant.id(), variant.stock(), asOf);
            return events;
        }
        Money oldPrice = new Money(stored.getPrice(), stored.getCurrency());
        MirrorRows.replaceVariant(tx, shopId, variant, asOf, asOf);
        if (!samePrice(oldPrice, variant.price())) {
            priceHistory(tx, shopId, variant.id(), variant.price(), asOf);
            events.add(new PriceChanged(variant.id(), oldPrice, variant.price()));
        }
        if (stored.getStock() != variant.stock()) {
            stockHistory(tx, shopId, variant.id(), variant.stock(), asOf);
            events.add(new StockChanged(variant.id(), stored.getStock(), variant.stock()));
        }
        return events;
    }

    private Outcome stock(DSLContext tx, String shopId, PlatformFact.StockFact fact) {
        CatalogVariantsRecord stored = lockVariant(tx, shopId, fact.variantId());
        if (stored == null) {
            return Outcome.unknownVariant(fact.variantId());
        }
        if (isStale(stored.getSourceUpdatedAt(), fact.asOf()) || stored.getStock() == fact.stock()) {
            touch(tx, shopId, fact.variantId(), stored, fact.asOf());
            return Outcome.of(List.of());
        }
        tx.update(CATALOG_VARIANTS)
                .set(CATALOG_VARIANTS.STOCK, fact.stock())
                .set(CATALOG_VARIANTS.UPDATED_AT, utc(fact.asOf()))
                .set(CATALOG_VARIANTS.SOURCE_UPDATED_AT, utc(fact.asOf()))
                .where(CATALOG_VARIANTS.SHOP_ID.eq(shopId).and(CATALOG_VARIANTS.VARIANT_ID.eq(fact.variantId())))
                .execute();
        stockHistory(tx, shopId, fact.variantId(), fact.stock(), fact.asOf());
        return Outcome.of(List.of(new StockChanged(fact.variantId(), stored.getStock(), fact.stock())));
    }

    private Outcome price(DSLContext tx, String shopId, PlatformFact.PriceFact fact) {
        CatalogVariantsRecord stored = lockVariant(tx, shopId, fact.variantId());
        if (stored == null) {
            return Outcome.unknownVariant(fact.variantId());
        }
        Money oldPrice = new Money(stored.getPrice(), stored.getCurrency());
        if (isStale(stored.getSourceUpdatedAt(), fact.asOf()) || samePrice(oldPrice, fact.price())) {
            touch(tx, shopId, fact.variantId(), stored, fact.asOf());
            return Outcome.of(List.of());
        }
        tx.update(CATALOG_VARIANTS)
                .set(CATALOG_VARIANTS.PRICE, fact.price().amount())
                .set(CATALOG_VARIANTS.CURRENCY, fact.price().currency())
                .set(CATALOG_VARIANTS.UPDATED_AT, utc(fact.asOf()))
                .set(CATALOG_VARIANTS.SOURCE_UPDATED_AT, utc(fact.asOf()))
                .where(CATALOG_VARIANTS.SHOP_ID.eq(shopId).and(CATALOG_VARIANTS.VARIANT_ID.eq(fact.variantId())))
                .execute();
        priceHistory(tx, shopId, fact.variantId(), fact.price(), fact.asOf());
        return Outcome.of(List.of(new PriceChanged(fact.variantId(), oldPrice, fact.price())));
    }

    /** A fact that changed nothing still moves the row's clock forward, so an even older fact stays stale. */
    private static void touch(DSLContext tx, String shopId, String variantId, CatalogVariantsRecord stored, Instant asOf) {
        if (!isStale(stored.getSourceUpdatedAt(), asOf)) {
            tx.update(CATALOG_VARIANTS).set(CATALOG_VARIANTS.SOURCE_UPDATED_AT, utc(asOf))
                    .where(CATALOG_VARIANTS.SHOP_ID.eq(shopId).and(CATALOG_VARIANTS.VARIANT_ID.eq(variantId)))
                    .execute();
        }
    }

    private List<Event> order(DSLContext tx, String shopId, Order order, Instant asOf) {
        OrdersRecord stored = tx.selectFrom(ORDERS)
                .where(ORDERS.SHOP_ID.eq(shopId).and(ORDERS.ORDER_ID.eq(order.id())))
                .forUpdate().fetchOne();
        if (stored != null && isStale(stored.getSourceUpdatedAt(), asOf)) {
            return List.of();
        }
        int returnedBefore = stored == null ? 0 : returnedQuantity(tx, shopId, order.id());
        MirrorRows.replaceOrder(tx, shopId, order, asOf);
        List<Event> events = new ArrayList<>();
        Order.OrderStatus before = stored == null ? null : Order.OrderStatus.valueOf(stored.getStatus());
        if (stored == null) {
            events.add(new OrderPlaced(order.id(), order.customerId()));
        }
        if (before != null && before != order.status()) {
            events.add(new OrderStatusChanged(order.id(), order.customerId(), before, order.status()));
        } else if (stored == null && order.status() != Order.OrderStatus.PLACED) {
            events.add(new OrderStatusChanged(order.id(), order.customerId(), Order.OrderStatus.PLACED, order.status()));
        }
        int returnedNow = order.lines().stream().mapToInt(OrderLine::returnedQuantity).sum();
        boolean cancelledNow = order.status() == Order.OrderStatus.CANCELLED && before != Order.OrderStatus.CANCELLED;
        if (returnedNow > returnedBefore || cancelledNow
                || (order.status() == Order.OrderStatus.RETURNED && before != Order.OrderStatus.RETURNED)) {
            events.add(new OrderReturned(order.id(), order.customerId()));
        }
        return events;
    }

    private static int returnedQuantity(DSLContext tx, String shopId, String orderId) {
        Integer sum = tx.select(org.jooq.impl.DSL.sum(ORDER_LINES.RETURNED_QUANTITY).cast(Integer.class))
                .from(ORDER_LINES)
                .where(ORDER_LINES.SHOP_ID.eq(shopId).and(ORDER_LINES.ORDER_ID.eq(orderId)))
                .fetchOne(0, Integer.class);
        return sum == null ? 0 : sum;
    }

    private List<Event> customer(DSLContext tx, String shopId, PlatformFact.CustomerFact fact) {
        var stored = tx.selectFrom(CUSTOMERS)
                .where(CUSTOMERS.SHOP_ID.eq(shopId).and(CUSTOMERS.CUSTOMER_ID.eq(fact.customerId())))
                .forUpdate().fetchOne();
        if (stored != null && isStale(stored.getSourceUpdatedAt(), fact.asOf())) {
            return List.of();
        }
        tx.deleteFrom(CUSTOMERS).where(CUSTOMERS.SHOP_ID.eq(shopId).and(CUSTOMERS.CUSTOMER_ID.eq(fact.customerId())))
                .execute();
        tx.insertInto(CUSTOMERS)
                .set(CUSTOMERS.SHOP_ID, shopId)
                .set(CUSTOMERS.CUSTOMER_ID, fact.customerId())
                .set(CUSTOMERS.EMAIL, fact.email())
                .set(CUSTOMERS.LOCALE, fact.locale())
                .set(CUSTOMERS.SOURCE_UPDATED_AT, utc(fact.asOf()))
                .execute();
        return List.of(new CustomerChanged(fact.customerId()));
    }

    /** The mirror row stays until the host's erasure runs for the event: it reads the address first. */
    private List<Event> customerDeleted(PlatformFact.CustomerDeletedFact fact) {
        return List.of(new CustomerDeleted(fact.customerId()));
    }

    private static CatalogVariantsRecord lockVariant(DSLContext tx, String shopId, String variantId) {
        return tx.selectFrom(CATALOG_VARIANTS)
                .where(CATALOG_VARIANTS.SHOP_ID.eq(shopId).and(CATALOG_VARIANTS.VARIANT_ID.eq(variantId)))
                .forUpdate().fetchOne();
    }

    private static void priceHistory(DSLContext tx, String shopId, String variantId, Money price, Instant at) {
        tx.insertInto(CATALOG_PRICE_HISTORY)
                .set(CATALOG_PRICE_HISTORY.SHOP_ID, shopId)
                .set(CATALOG_PRICE_HISTORY.VARIANT_ID, variantId)
                .set(CATALOG_PRICE_HISTORY.PRICE, price.amount())
                .set(CATALOG_PRICE_HISTORY.CURRENCY, price.currency())
                .set(CATALOG_PRICE_HISTORY.CHANGED_AT, utc(at))
                .execute();
    }

    private static void stockHistory(DSLContext tx, String shopId, String variantId, int stock, Instant at) {
        tx.insertInto(CATALOG_STOCK_HISTORY)
                .set(CATALOG_STOCK_HISTORY.SHOP_ID, shopId)
                .set(CATALOG_STOCK_HISTORY.VARIANT_ID, variantId)
                .set(CATALOG_STOCK_HISTORY.STOCK, stock)
                .set(CATALOG_STOCK_HISTORY.CHANGED_AT, utc(at))
                .execute();
    }

    private static boolean isStale(LocalDateTime storedAsOf, Instant asOf) {
        return storedAsOf != null && !utc(asOf).isAfter(storedAsOf);
    }

    private static boolean samePrice(Money a, Money b) {
        return a.amount().compareTo(b.amount()) == 0 && a.currency().equals(b.currency());
    }

    private static LocalDateTime utc(Instant instant) {
        return MirrorRows.utc(instant);
    }
}
