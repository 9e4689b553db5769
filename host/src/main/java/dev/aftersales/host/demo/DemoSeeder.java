package dev.aftersales.host.demo;

import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.OrderLine;
import dev.aftersales.api.catalog.Variant;
import dev.aftersales.host.admin.ShopAdministration;
import dev.aftersales.api.platform.PlatformFact;
import dev.aftersales.host.catalog.CatalogService;
import dev.aftersales.host.catalog.MirrorUpdates;
import dev.aftersales.host.catalog.OrderService;
import dev.aftersales.host.plugins.LoadedPlugin;
import dev.aftersales.host.plugins.PluginRuntime;
import dev.aftersales.host.tenancy.ShopDirectory;
import dev.aftersales.host.webhooks.WebhookSecrets;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: creates the shop "demo" with a small catalog, customers with orders, a known webhook secret, the
 * reference connector pointed at {@link DemoPlatform}, and every installed plugin enabled, so the quick start answers
 * queries at once. Runs again on every start: the catalog is reset, plugins
 * installed since are enabled.
 */
@Component
@ConditionalOnProperty(name = "aftersales.demo", havingValue = "true")
public class DemoSeeder {

    public static final String SHOP_ID = "demo";
    /** The demo shop's webhook secret, so the README's signing script works out of the box. Demo only. */
    public static final String WEBHOOK_SECRET = "whsec_ZGVtby13ZWJob29rLXNlY3JldC1jaGFuZ2UtbWU=";
    /** The bundled reference connector, pointed at the in-process demo platform. */
    private static final String REFERENCE_CONNECTOR = "connector-rest";
    private static final String STOCK_ALERT = "stock-alert";
    private static final String REFERRAL = "referral";
    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final ShopAdministration administration;
    private final ShopDirectory shops;
    private final CatalogService catalog;
    private final OrderService orders;
    private final PluginRuntime plugins;
    private final WebhookSecrets secrets;
    private final DemoWishlists wishlists;
    private final DemoLoyalty loyalty;
    private final DemoReviews reviews;
    private final DemoReplenishment replenishment;
    private final DemoWinBack winBack;
    private final MirrorUpdates mirror;
    private final DSLContext db;
    private final Clock clock;

    public DemoSeeder(ShopAdministration administration, ShopDirectory shops, CatalogService catalog,
                      OrderService orders, PluginRuntime plugins, WebhookSecrets secrets, DemoWishlists wishlists,
                      DemoLoyalty loyalty, DemoReviews reviews, DemoReplenishment replenishment, DemoWinBack winBack,
                      MirrorUpdates mirror, DSLContext db, Clock clock) {
        this.administration = administration;
        this.shops = shops;
        this.catalog = catalog;
        this.orders = orders;
        this.plugins = plugins;
        this.secrets = secrets;
        this.wishlists = wishlists;
        this.loyalty = loyalty;
        this.reviews = reviews;
        this.replenishment = replenishment;
        this.winBack = winBack;
        this.mirror = mirror;
        this.db = db;
        this.clock = clock;
    }

    /** Once plugins are loaded and the port is known: the demo shop verifies tokens against this host's demo JWKS. */
    @EventListener
    public void seed(ApplicationReadyEvent event) {
        int port = ((WebServerApplicationContext) event.getApplicationContext()).getWebServer().getPort();
        String jwksUrl = "http://127.0.0.1:" + port + "/demo/jwks.json";
        if (shops.find(SHOP_ID).isEmpty()) {
            administration.createShop(SHOP_ID, "Demo Outdoor Shop", DemoTokens.ISSUER, jwksUrl);
        } else {
            administration.updateShop(SHOP_ID, null, DemoTokens.ISSUER, jwksUrl);
        }
        variants().forEach(variant -> catalog.save(SHOP_ID, variant));
        orders().forEach(order -> orders.save(SHOP_ID, order));
        db.transaction(tx -> customers().forEach(customer -> mirror.apply(tx.dsl(), SHOP_ID, customer)));
        secrets.set(SHOP_ID, WEBHOOK_SECRET);
        plugins.plugin(REFERENCE_CONNECTOR).ifPresent(connector -> administration.updateSettings(SHOP_ID,
                REFERENCE_CONNECTOR, Map.of("baseUrl", "http://127.0.0.1:" + port + "/demo/platform",
                        "apiKey", DemoPlatform.API_KEY)));
        // a restock webhook from the README should show its alert mail within a minute, not after five
        plugins.plugin(STOCK_ALERT).ifPresent(stockAlert -> administration.updateSettings(SHOP_ID, STOCK_ALERT,
                Map.of("triggerDelayMinutes", 0)));
        // the referral programme: anna's link (made on her first look) opens the demo storefront's landing page
        plugins.plugin(REFERRAL).ifPresent(referral -> administration.updateSettings(SHOP_ID, REFERRAL,
                Map.of("landingUrl", "https://demo-outdoor.example/referral", "referrerPoints", 500,
                        "friendDiscountPercent", 15)));
        for (LoadedPlugin plugin : plugins.plugins()) {
            administration.setEnabled(SHOP_ID, plugin.id(), true);
        }
        wishlists.seed(port);
        loyalty.seed(port);
        reviews.seed(port);
        replenishment.seed(port);
        winBack.seed();
        log.info("Demo shop '{}' ready with plugins {}; get a customer token: curl -X POST "
                + "'http://localhost:{}/demo/token?customer=anna'", SHOP_ID,
                plugins.plugins().stream().map(LoadedPlugin::id).sorted().toList(), port);
    }

    private List<PlatformFact> customers() {
        return List.of(
                new PlatformFact.CustomerFact("anna", "anna@demo.example", "de-DE", clock.instant()),
                new PlatformFact.CustomerFact("ben", "ben@demo.example", "en-GB", clock.instant()));
    }

    private static List<Variant> variants() {
        return List.of(
                variant("jacket-m-blue", "jacket", "Alpine Rain Jacket", "M / Blue", "189.00", 0, true),
                variant("jacket-l-blue", "jacket", "Alpine Rain Jacket", "L / Blue", "189.00", 4, true),
                variant("jacket-m-red", "jacket", "Alpine Rain Jacket", "M / Red", "179.00", 2, true),
                variant("boots-42", "boots", "Trail Hiking Boots", "EU 42", "149.90", 7, true),
                variant("boots-43", "boots", "Trail Hiking Boots", "EU 43", "149.90", 1, true),
                variant("socks-3pack", "socks", "Merino Socks 3-Pack", "One size", "24.90", 120, true),
                variant("wax-100ml", "wax", "Leather Care Wax", "100 ml", "12.50", 35, true),
                variant("lamp-2019", "lamp", "Headlamp 2019", "Standard", "39.00", 3, false));
    }

    private List<Order> orders() {
        var now = clock.instant();
        return List.of(
                new Order("1001", "anna", now.minus(Duration.ofDays(40)), Order.OrderStatus.DELIVERED, eur("211.40"),
                        List.of(line("boots-42", "boots", "Trail Hiking Boots EU 42", 1, "149.90"),
                                line("socks-3pack", "socks", "Merino Socks 3-Pack", 2, "24.90"),
                                line("wax-100ml", "wax", "Leather Care Wax 100 ml", 1, "11.70"))),
                new Order("1002", "anna", now.minus(Duration.ofDays(10)), Order.OrderStatus.DELIVERED, eur("76.50"),
                        List.of(line("socks-3pack", "socks", "Merino Socks 3-Pack", 1, "24.90"),
                                line("lamp-2019", "lamp", "Headlamp 2019", 1, "39.00"),
                                line("wax-100ml", "wax", "Leather Care Wax 100 ml", 1, "12.60"))),
                new Order("1003", "ben", now.minus(Duration.ofDays(3)), Order.OrderStatus.PLACED, eur("189.00"),
                        List.of(line("jacket-l-blue", "jacket", "Alpine Rain Jacket L / Blue", 1, "189.00"))));
    }

    private static Variant variant(String id, String productId, String product, String name, String price, int stock,
                                   boolean purchasable) {
        return new Variant(id, productId, id.toUpperCase(), product, name, eur(price), stock, purchasable,
                "https://demo.example/products/" + productId + "?variant=" + id,
                "https://demo.example/images/" + productId + ".jpg");
    }

    private static OrderLine line(String variantId, String productId, String name, int quantity, String price) {
        return new OrderLine(variantId, productId, name, quantity, eur(price), 0);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }
}
