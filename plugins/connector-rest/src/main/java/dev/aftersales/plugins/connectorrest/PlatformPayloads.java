package dev.aftersales.plugins.connectorrest;

import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.OrderLine;
import dev.aftersales.api.catalog.OrderSignals;
import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.platform.Cart;
import dev.aftersales.api.platform.CartLine;
import dev.aftersales.api.platform.Coupon;
import java.time.Instant;
import java.util.List;

/**
 * Reads the shapes of docs/connector-contract.md: a variant and an order (webhook data and HTTP answers share them),
 * the answers to cart and coupon requests. Limits are those of the host's mirror columns, so a payload that passes
 * here is stored as sent.
 */
final class PlatformPayloads {

    static final int ID_MAX = 64;
    static final int NAME_MAX = 300;
    static final int SKU_MAX = 100;
    static final int URL_MAX = 1000;
    static final int EMAIL_MAX = 320;
    static final int LOCALE_MAX = 20;
    static final int CODE_MAX = 100;
    static final int COUPONS_MAX = 20;
    static final int HASH_MAX = 128;

    private PlatformPayloads() {
    }

    static Variant variant(JsonFields variant) {
        return new Variant(
                variant.text("id", ID_MAX),
                variant.text("productId", ID_MAX),
                variant.optionalText("sku", SKU_MAX),
                variant.text("productName", NAME_MAX),
                variant.text("name", NAME_MAX),
                variant.money("price"),
                variant.integer("stock", 0),
                variant.bool("purchasable"),
                variant.optionalText("url", URL_MAX),
                variant.optionalText("imageUrl", URL_MAX));
    }

    static Order order(JsonFields order) {
        String id = order.text("id", ID_MAX);
        String customerId = order.text("customerId", ID_MAX);
        Instant placedAt = order.instant("placedAt");
        Order.OrderStatus status = order.enumValue("status", Order.OrderStatus.class);
        Money total = order.money("total");
        List<OrderLine> lines = order.objects("lines").stream().map(PlatformPayloads::orderLine).toList();
        String email = order.optionalText("email", EMAIL_MAX);
        if (email != null && !email.contains("@")) {
            throw new InvalidPayload(order.path("email"), "must be an e-mail address");
        }
        OrderSignals signals = new OrderSignals(email, order.optionalTexts("couponCodes", COUPONS_MAX, CODE_MAX),
                order.optionalText("shippingAddressHash", HASH_MAX), order.optionalText("paymentFingerprint",
                HASH_MAX));
        return new Order(id, customerId, placedAt, status, total, lines, signals);
    }

    private static OrderLine orderLine(JsonFields line) {
        String variantId = line.text("variantId", ID_MAX);
        String productId = line.text("productId", ID_MAX);
        String name = line.text("name", NAME_MAX);
        int quantity = line.integer("quantity", 1);
        Money unitPrice = line.money("unitPrice");
        int returned = line.integer("returnedQuantity", 0);
        if (returned > quantity) {
            throw new InvalidPayload(line.path("returnedQuantity"), "must not exceed quantity (" + quantity + ")");
        }
        return new OrderLine(variantId, productId, name, quantity, unitPrice, returned);
    }

    /** The answer to {@code POST /carts}: {@code {id, checkoutUrl, lines: [{variantId, quantity}]}}. */
    static Cart cart(JsonFields cart) {
        String id = cart.text("id", CODE_MAX);
        String checkoutUrl = cart.text("checkoutUrl", URL_MAX);
        if (!checkoutUrl.startsWith("https://") && !checkoutUrl.startsWith("http://")) {
            throw new InvalidPayload(cart.path("checkoutUrl"), "must be an http(s) URL");
        }
        List<CartLine> lines = cart.objects("lines").stream()
                .map(line -> new CartLine(line.text("variantId", ID_MAX), line.integer("quantity", 1)))
                .toList();
        return new Cart(id, checkoutUrl, lines);
    }

    /** The answer to {@code POST /coupons}: {@code {code, expiresAt}}, {@code expiresAt} null for no expiry. */
    static Coupon coupon(JsonFields coupon) {
        return new Coupon(coupon.text("code", CODE_MAX), coupon.optionalInstant("expiresAt"));
    }
}
