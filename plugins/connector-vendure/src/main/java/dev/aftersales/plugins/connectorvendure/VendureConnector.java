package dev.aftersales.plugins.connectorvendure;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.platform.Cart;
import dev.aftersales.api.platform.CartLine;
import dev.aftersales.api.platform.CartRequest;
import dev.aftersales.api.platform.Connector;
import dev.aftersales.api.platform.Coupon;
import dev.aftersales.api.platform.CouponRequest;
import dev.aftersales.api.platform.PlatformException;
import dev.aftersales.api.platform.PlatformFact;
import dev.aftersales.api.platform.WebhookDelivery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;
import tools.jackson.databind.JsonNode;

/**
 * The connector to Vendure 3: reads the events of the Aftersales Vendure plugin ({@link VendureEvents}) and uses
 * Vendure's Admin API ({@link AdminApi}) for variants and orders the host does not know, for carts (the customer's
 * active order, filled by the plugin's {@code aftersalesFillActiveOrder} mutation) and for coupons (promotions,
 * {@link Coupons}).
 *
 * <p>The host keeps one instance for all shops; its only state is each shop's circuit breaker, in memory and bounded.
 */
@Extension
public class VendureConnector implements Connector {

    static final String VARIANT_FIELDS = """
            id sku name enabled priceWithTax currencyCode stockOnHand stockAllocated
            outOfStockThreshold useGlobalOutOfStockThreshold trackInventory updatedAt
            product { id name slug enabled featuredAsset { preview } } featuredAsset { preview }""";
    static final String ORDER_FIELDS = """
            id code state orderPlacedAt updatedAt totalWithTax currencyCode customer { id }
            lines { quantity orderPlacedQuantity unitPriceWithTax productVariant { id name product { id name } } }""";

    private final VendureEvents events = new VendureEvents();
    private final AdminApi admin;

    /** PF4J creates extensions through their no-argument constructor. */
    public VendureConnector() {
        this(new AdminApi());
    }

    VendureConnector(AdminApi admin) {
        this.admin = admin;
    }

    @Override
    public List<PlatformFact> read(WebhookDelivery delivery) {
        return events.read(delivery);
    }

    /**
     * Puts the lines into the customer's active order, which the storefront shows as their cart; the checkout link
     * is the storefront's. A retry adds nothing twice (the plugin raises lines to the asked quantity).
     */
    @Override
    public Cart createCart(FeatureContext connector, CartRequest request) throws PlatformException {
        VendureSettings settings = VendureSettings.of(connector.settings());
        if (request.customerId() == null) {
            throw new PlatformException("Vendure keeps carts for signed-in customers only: a guest cannot get one",
                    false);
        }
        String checkoutUrl = AdminApi.webUrl(settings.checkoutUrl(), VendureSettings.CHECKOUT_URL).toString();
        List<Map<String, Object>> lines = request.lines().stream()
                .map(line -> Map.<String, Object>of("productVariantId", line.variantId(), "quantity", line.quantity()))
                .toList();
        JsonNode data = call(connector, settings, """
                mutation($input: AftersalesCartInput!) {
                  aftersalesFillActiveOrder(input: $input) { orderCode lines { productVariantId quantity } } }""",
                Map.of("input", Map.of("customerId", request.customerId(), "lines", lines)));
        VendureShapes.FilledCart filled = readAnswer(data.path("aftersalesFillActiveOrder"),
                VendureShapes.FilledCart.class);
        List<CartLine> accepted = filled.lines().stream()
                .map(line -> new CartLine(line.productVariantId(), line.quantity())).toList();
        if (accepted.isEmpty()) {
            throw new PlatformException("Vendure could not put any of the items into the cart (none is for sale "
                    + "in the asked quantity)", false);
        }
        return new Cart(filled.orderCode(), checkoutUrl, accepted);
    }

    @Override
    public Coupon issueCoupon(FeatureContext connector, CouponRequest request) throws PlatformException {
        VendureSettings settings = VendureSettings.of(connector.settings());
        return new Coupons(VendureFacts.of(settings),
                (document, variables) -> call(connector, settings, document, variables))
                .issue(connector.shopId(), request);
    }

    @Override
    public Optional<Variant> fetchVariant(FeatureContext connector, String variantId) throws PlatformException {
        VendureSettings settings = VendureSettings.of(connector.settings());
        JsonNode variant = call(connector, settings,
                "query($id: ID!) { productVariant(id: $id) { " + VARIANT_FIELDS + " } }", Map.of("id", variantId))
                .path("productVariant");
        if (variant.isNull() || variant.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(VendureFacts.of(settings).variant(readAnswer(variant, VendureShapes.Variant.class)));
    }

    /** Empty for an order Vendure does not have, and for one that is still a cart. */
    @Override
    public Optional<Order> fetchOrder(FeatureContext connector, String orderId) throws PlatformException {
        VendureSettings settings = VendureSettings.of(connector.settings());
        JsonNode order = call(connector, settings, "query($id: ID!) { order(id: $id) { " + ORDER_FIELDS + " } }",
                Map.of("id", orderId)).path("order");
        if (order.isNull() || order.isMissingNode()) {
            return Optional.empty();
        }
        return VendureFacts.of(settings).order(readAnswer(order, VendureShapes.Order.class));
    }

    private JsonNode call(FeatureContext connector, VendureSettings settings, String document,
                          Map<String, Object> variables) throws PlatformException {
        return admin.call(connector.shopId(), settings, connector.clock(), document, variables);
    }

    /** An Admin API answer of the wrong shape is Vendure's fault and will not change by asking again. */
    static <T> T readAnswer(JsonNode node, Class<T> type) throws PlatformException {
        try {
            return VendureJson.read(node, type, "answer");
        } catch (VendureJson.Unreadable e) {
            throw new PlatformException("Vendure sent an answer that cannot be read: " + e.getMessage(), false, e);
        }
    }
}
