package dev.aftersales.testkit;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.platform.Cart;
import dev.aftersales.api.platform.CartRequest;
import dev.aftersales.api.platform.Connector;
import dev.aftersales.api.platform.Coupon;
import dev.aftersales.api.platform.CouponRequest;
import dev.aftersales.api.platform.MalformedWebhookException;
import dev.aftersales.api.platform.PlatformException;
import dev.aftersales.api.platform.PlatformFact;
import dev.aftersales.api.platform.WebhookDelivery;
import java.util.List;
import java.util.Optional;

/**
 * The connector of {@link TestPlatform}, packaged as a plugin by {@link AftersalesHost#withTestPlatform()}: each call
 * goes to the {@code TestPlatform} of the calling shop. Webhooks are not its business: tests deliver events with
 * {@code shop.publish(...)} or through a real connector.
 */
public final class TestPlatformConnector implements Connector {

    @Override
    public List<PlatformFact> read(WebhookDelivery delivery) {
        throw new MalformedWebhookException("The testkit platform reads no webhooks; publish events with "
                + "TestShop.publish in tests");
    }

    @Override
    public Cart createCart(FeatureContext connector, CartRequest request) throws PlatformException {
        return TestPlatform.of(connector.shopId()).createCart(request);
    }

    @Override
    public Coupon issueCoupon(FeatureContext connector, CouponRequest request) throws PlatformException {
        return TestPlatform.of(connector.shopId()).issueCoupon(request);
    }

    @Override
    public Optional<Variant> fetchVariant(FeatureContext connector, String variantId) throws PlatformException {
        return TestPlatform.of(connector.shopId()).fetchVariant(variantId);
    }

    @Override
    public Optional<Order> fetchOrder(FeatureContext connector, String orderId) throws PlatformException {
        return TestPlatform.of(connector.shopId()).fetchOrder(orderId);
    }
}
