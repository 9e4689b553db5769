package dev.aftersales.api.platform;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.Variant;
import java.util.List;
import java.util.Optional;
import org.pf4j.ExtensionPoint;

/**
 * Speaks one shop platform's API. A connector plugin contains its {@link dev.aftersales.api.Feature} (whose settings
 * hold the platform's address and credentials) and one {@code @Extension} of this interface. A shop uses the
 * connector whose plugin it enabled (at most one).
 *
 * <p>Every method receives the connector plugin's own context for the shop: {@code shop.settings()} are the
 * connector's settings. Calls to the platform must have timeouts and must not run inside a database transaction.
 *
 * <pre>{@code
 * @Extension
 * public class RestConnector implements Connector {
 *     public List<PlatformFact> read(WebhookDelivery delivery) {
 *         return switch (delivery.type()) {
 *             case "stock.changed" -> List.of(new StockFact(...));
 *             default -> throw new MalformedWebhookException("Unknown event type " + delivery.type());
 *         };
 *     }
 *     ...
 * }
 * }</pre>
 */
public interface Connector extends ExtensionPoint {

    /**
     * The facts one webhook delivery reports. The host has verified its signature and stored it; this runs off the
     * request path and may run again for the same delivery (retries), so it must not have side effects.
     *
     * @throws MalformedWebhookException when the delivery cannot be understood (unknown type, missing field); the
     *                                   host parks it as a dead letter with the message
     */
    List<PlatformFact> read(WebhookDelivery delivery);

    /** Creates a cart (or checkout) in the shop for a customer with these lines; the answer names its URL. */
    Cart createCart(FeatureContext connector, CartRequest request) throws PlatformException;

    /** Issues a single-use coupon in the shop. */
    Coupon issueCoupon(FeatureContext connector, CouponRequest request) throws PlatformException;

    /** The platform's current state of a variant, for repairs of the mirror; empty when the platform has none. */
    Optional<Variant> fetchVariant(FeatureContext connector, String variantId) throws PlatformException;

    /** The platform's current state of an order; empty when the platform has none. */
    Optional<Order> fetchOrder(FeatureContext connector, String orderId) throws PlatformException;
}
