package dev.aftersales.plugins.connectorvendure;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Vendure's objects as the Aftersales Vendure plugin sends them in webhooks and as the Admin API queries of
 * {@link VendureConnector} select them: the same fields in both, so one mapping ({@link VendureFacts}) serves both.
 * Money is in Vendure's minor units with its currency code. A missing required value fails with the field's name;
 * the others may be absent or null.
 */
final class VendureShapes {

    private VendureShapes() {
    }

    record Asset(String preview) {
    }

    record Product(String id, String name, String slug, Boolean enabled, Asset featuredAsset) {
        Product {
            required(id, "id");
        }
    }

    record Variant(String id, String sku, String name, Boolean enabled, Boolean deleted, Long priceWithTax,
                   String currencyCode, Integer stockOnHand, Integer stockAllocated, Integer outOfStockThreshold,
                   Boolean useGlobalOutOfStockThreshold, String trackInventory, Instant updatedAt, String url,
                   Product product, Asset featuredAsset) {
        Variant {
            required(id, "id");
            required(name, "name");
            required(priceWithTax, "priceWithTax");
            required(currencyCode, "currencyCode");
            required(stockOnHand, "stockOnHand");
            required(stockAllocated, "stockAllocated");
            required(updatedAt, "updatedAt");
            required(product, "product");
        }
    }

    record LineProduct(String id, String name) {
        LineProduct {
            required(id, "id");
        }
    }

    record LineVariant(String id, String name, LineProduct product) {
        LineVariant {
            required(id, "id");
            required(product, "product");
        }
    }

    record Line(Integer quantity, Integer orderPlacedQuantity, Long unitPriceWithTax, LineVariant productVariant) {
        Line {
            required(quantity, "quantity");
            required(unitPriceWithTax, "unitPriceWithTax");
            required(productVariant, "productVariant");
        }
    }

    record CustomerRef(String id) {
        CustomerRef {
            required(id, "id");
        }
    }

    record Order(String id, String code, String state, Instant orderPlacedAt, Instant updatedAt, Long totalWithTax,
                 String currencyCode, CustomerRef customer, List<Line> lines) {
        Order {
            required(id, "id");
            required(state, "state");
            required(totalWithTax, "totalWithTax");
            required(currencyCode, "currencyCode");
            required(updatedAt, "updatedAt");
            required(lines, "lines");
        }
    }

    record Customer(String id, String emailAddress, String languageCode) {
        Customer {
            required(id, "id");
        }
    }

    /** A coupon as Vendure stores it: a promotion with a coupon code. */
    record Promotion(String couponCode, Instant endsAt) {
        Promotion {
            required(couponCode, "couponCode");
        }
    }

    /** The customer's active order after the Vendure plugin filled it. */
    record FilledCart(String orderCode, List<CartLine> lines) {
        FilledCart {
            required(orderCode, "orderCode");
            required(lines, "lines");
        }
    }

    record CartLine(String productVariantId, Integer quantity) {
        CartLine {
            required(productVariantId, "productVariantId");
            required(quantity, "quantity");
        }
    }

    private static void required(Object value, String field) {
        Objects.requireNonNull(value, () -> field + " is missing");
    }
}
