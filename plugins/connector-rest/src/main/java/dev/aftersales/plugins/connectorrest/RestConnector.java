package dev.aftersales.plugins.connectorrest;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.platform.Cart;
import dev.aftersales.api.platform.CartRequest;
import dev.aftersales.api.platform.Connector;
import dev.aftersales.api.platform.Coupon;
import dev.aftersales.api.platform.CouponRequest;
import dev.aftersales.api.platform.PlatformException;
import dev.aftersales.api.platform.PlatformFact;
import dev.aftersales.api.platform.WebhookDelivery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.pf4j.Extension;

/**
 * The connector for platforms that speak the contract of docs/connector-contract.md: reads its webhooks
 * ({@link WebhookReader}) and calls its HTTP API ({@link PlatformClient}) with the shop's connector settings.
 *
 * <p>The host keeps one instance for all shops. Its only state is in memory and per host instance: each shop's
 * circuit breaker and the HTTP clients, both bounded.
 */
@Extension
public class RestConnector implements Connector {

    private final WebhookReader webhooks = new WebhookReader();
    private final PlatformClient platform;

    /** PF4J creates extensions through their no-argument constructor. */
    public RestConnector() {
        this(new PlatformClient(new ShopCircuitBreakers()));
    }

    RestConnector(PlatformClient platform) {
        this.platform = platform;
    }

    @Override
    public List<PlatformFact> read(WebhookDelivery delivery) {
        return webhooks.read(delivery);
    }

    @Override
    public Cart createCart(FeatureContext connector, CartRequest request) throws PlatformException {
        PlatformCall call = PlatformCall.post("/carts", RequestBodies.cart(request), RequestBodies.cartKey());
        return send(connector, call, PlatformPayloads::cart).orElseThrow();
    }

    @Override
    public Coupon issueCoupon(FeatureContext connector, CouponRequest request) throws PlatformException {
        PlatformCall call = PlatformCall.post("/coupons", RequestBodies.coupon(request),
                RequestBodies.couponKey(connector.shopId(), request));
        return send(connector, call, PlatformPayloads::coupon).orElseThrow();
    }

    @Override
    public Optional<Variant> fetchVariant(FeatureContext connector, String variantId) throws PlatformException {
        return send(connector, PlatformCall.get("/variants/" + pathSegment(variantId)), PlatformPayloads::variant);
    }

    @Override
    public Optional<Order> fetchOrder(FeatureContext connector, String orderId) throws PlatformException {
        return send(connector, PlatformCall.get("/orders/" + pathSegment(orderId)), PlatformPayloads::order);
    }

    private <T> Optional<T> send(FeatureContext connector, PlatformCall call,
                                 Function<JsonFields, T> reader) throws PlatformException {
        return platform.send(connector.shopId(), ConnectorSettings.of(connector.settings()), connector.clock(), call,
                reader);
    }

    private static String pathSegment(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("An id is required");
        }
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
