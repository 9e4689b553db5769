package dev.aftersales.plugins.connectorvendure;

import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.Order.OrderStatus;
import dev.aftersales.api.catalog.OrderLine;
import dev.aftersales.api.catalog.Variant;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What Vendure's objects mean for Aftersales: saleable stock, whether a variant can be bought, the order's status
 * and returned units, money in decimals. Pure functions of the shapes and the shop's settings.
 */
final class VendureFacts {

    /** Stock reported for a variant whose inventory Vendure does not track: it can always be bought. */
    static final int UNTRACKED_STOCK = 1_000_000;

    private final int moneyDecimals;
    private final String productUrl;

    VendureFacts(int moneyDecimals, String productUrl) {
        this.moneyDecimals = moneyDecimals;
        this.productUrl = productUrl;
    }

    static VendureFacts of(VendureSettings settings) {
        return new VendureFacts(settings.moneyDecimals(), settings.productUrl());
    }

    Variant variant(VendureShapes.Variant v) {
        VendureShapes.Product product = v.product();
        boolean purchasable = Boolean.TRUE.equals(v.enabled()) && !Boolean.TRUE.equals(v.deleted())
                && !Boolean.FALSE.equals(product.enabled());
        String productName = product.name() != null ? product.name() : v.name();
        String variantName = variantName(productName, v.name());
        return new Variant(v.id(), product.id(), blankToNull(v.sku()), productName, variantName,
                money(v.priceWithTax(), v.currencyCode()), stock(v), purchasable, url(v), image(v));
    }

    /** Vendure's saleable stock: on hand less allocated to orders less the variant's own out-of-stock threshold. */
    int stock(VendureShapes.Variant v) {
        if ("FALSE".equals(v.trackInventory())) {
            return UNTRACKED_STOCK;
        }
        int threshold = Boolean.FALSE.equals(v.useGlobalOutOfStockThreshold()) && v.outOfStockThreshold() != null
                ? v.outOfStockThreshold() : 0;
        return Math.max(0, v.stockOnHand() - v.stockAllocated() - threshold);
    }

    /** Empty while the order is a cart (Vendure states before payment): it is no order for Aftersales yet. */
    Optional<Order> order(VendureShapes.Order o) {
        Optional<OrderStatus> status = status(o.state());
        if (status.isEmpty() || o.orderPlacedAt() == null || o.customer() == null) {
            return Optional.empty();
        }
        boolean shipped = status.get() == OrderStatus.FULFILLED || status.get() == OrderStatus.DELIVERED;
        List<OrderLine> lines = new ArrayList<>();
        for (VendureShapes.Line line : o.lines()) {
            int placed = line.orderPlacedQuantity() != null && line.orderPlacedQuantity() > 0
                    ? line.orderPlacedQuantity() : line.quantity();
            // a line cut after shipping came back; one cut before shipping was never delivered
            int returned = shipped ? Math.max(0, placed - line.quantity()) : 0;
            int quantity = shipped ? placed : line.quantity();
            if (quantity < 1) {
                continue;
            }
            VendureShapes.LineVariant variant = line.productVariant();
            lines.add(new OrderLine(variant.id(), variant.product().id(), lineName(variant), quantity,
                    money(line.unitPriceWithTax(), o.currencyCode()), returned));
        }
        OrderStatus finalStatus = shipped && !lines.isEmpty()
                && lines.stream().allMatch(line -> line.returnedQuantity() == line.quantity())
                ? OrderStatus.RETURNED : status.get();
        return Optional.of(new Order(o.id(), o.customer().id(), o.orderPlacedAt(), finalStatus,
                money(o.totalWithTax(), o.currencyCode()), lines));
    }

    /** Vendure's default order process, mapped to the host's statuses; empty for the states of a cart. */
    static Optional<OrderStatus> status(String state) {
        return Optional.ofNullable(switch (state) {
            case "PaymentAuthorized", "PaymentSettled", "PartiallyShipped", "Modifying",
                 "ArrangingAdditionalPayment" -> OrderStatus.PLACED;
            case "Shipped", "PartiallyDelivered" -> OrderStatus.FULFILLED;
            case "Delivered" -> OrderStatus.DELIVERED;
            case "Cancelled" -> OrderStatus.CANCELLED;
            default -> null;
        });
    }

    Money money(long minorUnits, String currency) {
        if (minorUnits < 0) {
            throw new VendureJson.Unreadable("an amount is negative: " + minorUnits);
        }
        return new Money(BigDecimal.valueOf(minorUnits, moneyDecimals), currency.toUpperCase(Locale.ROOT));
    }

    /** An amount in Vendure's minor units, e.g. 10.00 → 1000. */
    long minorUnits(BigDecimal amount) {
        return amount.movePointRight(moneyDecimals).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    /** The link the Vendure plugin sent, else the one the connector's setting makes. */
    private String url(VendureShapes.Variant v) {
        if (v.url() != null && isWebUrl(v.url())) {
            return v.url();
        }
        if (productUrl.isEmpty()) {
            return null;
        }
        String slug = v.product().slug() == null ? "" : v.product().slug();
        return productUrl.replace("{slug}", encode(slug)).replace("{productId}", encode(v.product().id()))
                .replace("{variantId}", encode(v.id()));
    }

    /** The variant's own picture, else its product's; only http(s) links (the host refuses others). */
    private static String image(VendureShapes.Variant v) {
        for (VendureShapes.Asset asset : new VendureShapes.Asset[] {v.featuredAsset(), v.product().featuredAsset()}) {
            if (asset != null && asset.preview() != null && isWebUrl(asset.preview())) {
                return asset.preview();
            }
        }
        return null;
    }

    /** Vendure names a variant in full ("Alpine Jacket M"); the host wants its own part ("M") where it can. */
    private static String variantName(String productName, String name) {
        if (name.startsWith(productName + " ") && name.length() > productName.length() + 1) {
            return name.substring(productName.length() + 1);
        }
        return name;
    }

    private static String lineName(VendureShapes.LineVariant variant) {
        if (variant.name() != null) {
            return variant.name();
        }
        return variant.product().name() != null ? variant.product().name() : variant.id();
    }

    private static boolean isWebUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
