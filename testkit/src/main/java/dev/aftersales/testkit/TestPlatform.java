package dev.aftersales.testkit;

import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.platform.Cart;
import dev.aftersales.api.platform.CartRequest;
import dev.aftersales.api.platform.Coupon;
import dev.aftersales.api.platform.CouponRequest;
import dev.aftersales.api.platform.PlatformException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The shop platform of one test shop, in the test's JVM: the connector {@link TestPlatformConnector} (loaded by
 * {@link AftersalesHost#withTestPlatform()}) answers what the reference connector's platform would, and records every
 * request for assertions. A feature under test calls {@code shop.platform()} as in production.
 *
 * <pre>{@code
 * static final AftersalesHost host = AftersalesHost.withPluginUnderTest().withTestPlatform();
 *
 * TestPlatform platform = shop.platform();                // enables the test connector for this shop
 * ... the feature issues a coupon ...
 * assertThat(platform.coupons()).singleElement().extracting(CouponRequest::customerId).isEqualTo("anna");
 * platform.failNext(new PlatformException("platform down", true)); // the next request fails like this
 * }</pre>
 */
public final class TestPlatform {

    /** Plugin id of the test connector. */
    public static final String CONNECTOR_ID = "testkit-platform";

    private static final Map<String, TestPlatform> SHOPS = new ConcurrentHashMap<>();

    private final String shopId;
    private final List<CartRequest> carts = new CopyOnWriteArrayList<>();
    private final List<CouponRequest> coupons = new CopyOnWriteArrayList<>();
    private final Map<String, Variant> variants = new ConcurrentHashMap<>();
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicReference<PlatformException> nextFailure = new AtomicReference<>();

    private TestPlatform(String shopId) {
        this.shopId = shopId;
    }

    /** The platform of a shop (one per shop id, kept for the JVM's life). */
    public static TestPlatform of(String shopId) {
        return SHOPS.computeIfAbsent(shopId, TestPlatform::new);
    }

    /** The carts the shop's features asked for, in order. */
    public List<CartRequest> carts() {
        return List.copyOf(carts);
    }

    /** The coupons the shop's features issued, in order. */
    public List<CouponRequest> coupons() {
        return List.copyOf(coupons);
    }

    /** The next request (cart, coupon or fetch) fails with {@code failure} instead of being answered. */
    public TestPlatform failNext(PlatformException failure) {
        nextFailure.set(failure);
        return this;
    }

    /** A variant the platform knows, returned when the host fetches one its mirror lacks. */
    public TestPlatform variant(Variant variant) {
        variants.put(variant.id(), variant);
        return this;
    }

    /** An order the platform knows, returned when the host fetches one its mirror lacks. */
    public TestPlatform order(Order order) {
        orders.put(order.id(), order);
        return this;
    }

    /** The checkout URL of the n-th cart (1-based), as {@link #createCart} answers it. */
    public String checkoutUrl(int n) {
        return "https://checkout.test/" + shopId + "/cart-" + n;
    }

    // The four answers below are public for TestPlatformConnector, which the host loads in a plugin class loader
    // (a runtime package of its own); tests assert on the recordings above.

    public Cart createCart(CartRequest request) throws PlatformException {
        failIfAsked();
        carts.add(request);
        int n = sequence.incrementAndGet();
        return new Cart("cart-" + n, checkoutUrl(n), request.lines());
    }

    public Coupon issueCoupon(CouponRequest request) throws PlatformException {
        failIfAsked();
        coupons.add(request);
        return new Coupon("TEST-" + shopId.toUpperCase() + "-" + sequence.incrementAndGet(), request.expiresAt());
    }

    public Optional<Variant> fetchVariant(String variantId) throws PlatformException {
        failIfAsked();
        return Optional.ofNullable(variants.get(variantId));
    }

    public Optional<Order> fetchOrder(String orderId) throws PlatformException {
        failIfAsked();
        return Optional.ofNullable(orders.get(orderId));
    }

    private void failIfAsked() throws PlatformException {
        PlatformException failure = nextFailure.getAndSet(null);
        if (failure != null) {
            throw failure;
        }
    }
}
