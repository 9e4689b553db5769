package dev.aftersales.host.catalog;

import static dev.aftersales.host.jooq.Tables.CATALOG_VARIANTS;
import static dev.aftersales.host.jooq.Tables.ORDERS;
import static dev.aftersales.host.jooq.Tables.ORDER_LINES;

import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.OrderLine;
import dev.aftersales.api.catalog.Variant;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jooq.DSLContext;

/** Writes whole variants and orders into the mirror tables, inside the caller's transaction. */
final class MirrorRows {

    private MirrorRows() {
    }

    /** Replaces the variant's row; {@code asOf} is when the platform last changed it (null when not known). */
    static void replaceVariant(DSLContext tx, String shopId, Variant variant, Instant updatedAt, Instant asOf) {
        tx.deleteFrom(CATALOG_VARIANTS)
                .where(CATALOG_VARIANTS.SHOP_ID.eq(shopId).and(CATALOG_VARIANTS.VARIANT_ID.eq(variant.id())))
                .execute();
        tx.insertInto(CATALOG_VARIANTS)
                .set(CATALOG_VARIANTS.SHOP_ID, shopId)
                .set(CATALOG_VARIANTS.VARIANT_ID, variant.id())
                .set(CATALOG_VARIANTS.PRODUCT_ID, variant.productId())
                .set(CATALOG_VARIANTS.SKU, variant.sku())
                .set(CATALOG_VARIANTS.PRODUCT_NAME, variant.productName())
                .set(CATALOG_VARIANTS.NAME, variant.name())
                .set(CATALOG_VARIANTS.PRICE, variant.price().amount())
                .set(CATALOG_VARIANTS.CURRENCY, variant.price().currency())
                .set(CATALOG_VARIANTS.STOCK, variant.stock())
                .set(CATALOG_VARIANTS.PURCHASABLE, variant.purchasable())
                .set(CATALOG_VARIANTS.URL, variant.url())
                .set(CATALOG_VARIANTS.IMAGE_URL, variant.imageUrl())
                .set(CATALOG_VARIANTS.UPDATED_AT, utc(updatedAt))
                .set(CATALOG_VARIANTS.SOURCE_UPDATED_AT, asOf == null ? null : utc(asOf))
                .execute();
    }

    /** Replaces the order and its lines; {@code asOf} is when the platform last changed it (null when not known). */
    static void replaceOrder(DSLContext tx, String shopId, Order order, Instant asOf) {
        tx.deleteFrom(ORDER_LINES).where(ORDER_LINES.SHOP_ID.eq(shopId).and(ORDER_LINES.ORDER_ID.eq(order.id())))
                .execute();
        tx.deleteFrom(ORDERS).where(ORDERS.SHOP_ID.eq(shopId).and(ORDERS.ORDER_ID.eq(order.id()))).execute();
        tx.insertInto(ORDERS)
                .set(ORDERS.SHOP_ID, shopId)
                .set(ORDERS.ORDER_ID, order.id())
                .set(ORDERS.CUSTOMER_ID, order.customerId())
                .set(ORDERS.PLACED_AT, utc(order.placedAt()))
                .set(ORDERS.STATUS, order.status().name())
                .set(ORDERS.TOTAL, order.total().amount())
                .set(ORDERS.CURRENCY, order.total().currency())
                .set(ORDERS.SOURCE_UPDATED_AT, asOf == null ? null : utc(asOf))
                .set(ORDERS.EMAIL, order.signals().email())
                .set(ORDERS.COUPON_CODES, order.signals().couponCodes().isEmpty() ? null
                        : String.join("\n", order.signals().couponCodes()))
                .set(ORDERS.SHIPPING_ADDRESS_HASH, order.signals().shippingAddressHash())
                .set(ORDERS.PAYMENT_FINGERPRINT, order.signals().paymentFingerprint())
                .execute();
        int lineNo = 0;
        for (OrderLine line : order.lines()) {
            tx.insertInto(ORDER_LINES)
                    .set(ORDER_LINES.SHOP_ID, shopId)
                    .set(ORDER_LINES.ORDER_ID, order.id())
                    .set(ORDER_LINES.LINE_NO, ++lineNo)
                    .set(ORDER_LINES.VARIANT_ID, line.variantId())
                    .set(ORDER_LINES.PRODUCT_ID, line.productId())
                    .set(ORDER_LINES.NAME, line.name())
                    .set(ORDER_LINES.QUANTITY, line.quantity())
                    .set(ORDER_LINES.UNIT_PRICE, line.unitPrice().amount())
                    .set(ORDER_LINES.CURRENCY, line.unitPrice().currency())
                    .set(ORDER_LINES.RETURNED_QUANTITY, line.returnedQuantity())
                    .execute();
        }
    }

    /** Millisecond precision, as the columns store it, so the same fact compares equal to itself. */
    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }
}
