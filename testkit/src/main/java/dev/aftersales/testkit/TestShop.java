package dev.aftersales.testkit;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.events.Event;
import dev.aftersales.host.catalog.CatalogService;
import dev.aftersales.host.catalog.OrderService;
import dev.aftersales.host.events.EventBus;
import dev.aftersales.host.jobs.FeatureJobs;
import dev.aftersales.host.plugins.FeatureContexts;
import dev.aftersales.host.plugins.LoadedPlugin;
import dev.aftersales.host.plugins.PluginRuntime;
import dev.aftersales.host.tenancy.Shop;
import dev.aftersales.host.tenancy.ShopDirectory;
import dev.aftersales.host.webhooks.Inbox;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * A fresh shop for one test, with clients for its storefront and operator API.
 *
 * <pre>{@code
 * shop.enable("wishlist");
 * GraphQlResult result = shop.storefront("anna").execute("{ viewer { id } }");
 * }</pre>
 */
public final class TestShop {

    private final String id;
    private final AftersalesHost host;
    private final ShopTokens tokens;
    private final String adminKey;
    private TestWebhooks webhooks;
    private boolean platformEnabled;

    TestShop(String id, AftersalesHost host, ShopTokens tokens, String adminKey) {
        this.id = id;
        this.host = host;
        this.tokens = tokens;
        this.adminKey = adminKey;
    }

    public String id() {
        return id;
    }

    /** Enables a plugin for this shop through the operator API; fails the test on user errors. */
    public TestShop enable(String pluginId) {
        toggle("pluginEnable", pluginId);
        return this;
    }

    public TestShop disable(String pluginId) {
        toggle("pluginDisable", pluginId);
        return this;
    }

    /** Changes settings through the operator API; fails the test on user errors. */
    public TestShop settings(String pluginId, Map<String, Object> settings) {
        GraphQlResult result = admin().execute("""
                mutation($shop: ID!, $plugin: ID!, $settings: JSON!) {
                  pluginSettingsUpdate(input: {shopId: $shop, pluginId: $plugin, settings: $settings}) {
                    userErrors { field code message }
                  }
                }""", Map.of("shop", id, "plugin", pluginId, "settings", settings)).assertNoErrors();
        requireNoUserErrors(result, "pluginSettingsUpdate");
        return this;
    }

    /** A storefront client for a guest. */
    public GraphQlClient storefront() {
        return host.client("/graphql", Map.of("X-Shop-Id", id));
    }

    /** A storefront client for a signed-in customer of this shop. */
    public GraphQlClient storefront(String customerId) {
        return storefront().withHeader("Authorization", "Bearer " + customerToken(customerId));
    }

    /** A valid customer token of this shop (issuer and key of this shop). */
    public String customerToken(String customerId) {
        return tokens.token(customerId);
    }

    /** A token signed with this shop's key but expired, or with another issuer, for negative tests. */
    public String customerToken(String customerId, String issuer, Instant expiresAt) {
        return tokens.sign(customerId, issuer, expiresAt);
    }

    /** An operator API client with an admin API key of this shop only. */
    public GraphQlClient admin() {
        return host.client("/admin/graphql", Map.of("Authorization", "Bearer " + adminKey));
    }

    public TestCatalog catalog() {
        return new TestCatalog(id, host.bean(CatalogService.class), host.bean(OrderService.class));
    }

    /** Delivers an event to this shop's enabled features, as a webhook would; returns failed listener count. */
    public int publish(Event event) {
        return host.bean(EventBus.class).publish(id, event);
    }

    /**
     * A webhook sender for this shop; the first call sets the shop's webhook secret through the operator API.
     */
    public synchronized TestWebhooks webhooks() {
        if (webhooks == null) {
            String secret = admin().execute("""
                    mutation($shop: ID!) { shopWebhookSecretRotate(input: {shopId: $shop, graceMinutes: 0}) {
                      secret userErrors { message } } }""", Map.of("shop", id))
                    .assertNoErrors().path("shopWebhookSecretRotate.secret").asString();
            webhooks = new TestWebhooks(host.baseUrl().resolve("/webhooks/" + id), secret, host.clock());
        }
        return webhooks;
    }

    /** Waits (at most 20 s) until the shop's inbox has nothing pending or being processed. */
    public void awaitInboxProcessed() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            Map<String, Integer> counts = host.bean(Inbox.class).counts(id);
            return counts.get(Inbox.PENDING) == 0 && counts.get(Inbox.PROCESSING) == 0;
        });
    }

    /** Runs a plugin job for this shop now; fails the test when the shop has no such job enabled. */
    public void runJob(String pluginId, String jobName) {
        if (!host.bean(FeatureJobs.class).runNow(id, pluginId, jobName)) {
            throw new AssertionError("Shop " + id + " has no enabled job '" + jobName + "' of plugin " + pluginId);
        }
    }

    /** What a plugin's GDPR export returns for a customer of this shop. */
    public Map<String, Object> export(String pluginId, String customerId) {
        LoadedPlugin plugin = plugin(pluginId);
        return plugin.feature().export(featureContext(plugin), customerId);
    }

    /** Runs a plugin's GDPR erase for a customer of this shop. */
    public void erase(String pluginId, String customerId) {
        LoadedPlugin plugin = plugin(pluginId);
        plugin.feature().erase(featureContext(plugin), customerId);
    }

    private LoadedPlugin plugin(String pluginId) {
        return host.bean(PluginRuntime.class).plugin(pluginId)
                .orElseThrow(() -> new AssertionError("Plugin " + pluginId + " is not loaded"));
    }

    private FeatureContext featureContext(LoadedPlugin plugin) {
        Shop shop = host.bean(ShopDirectory.class).find(id).orElseThrow();
        return host.bean(FeatureContexts.class).forShop(shop, plugin);
    }

    /** A customer of the shop with address and locale in the host's mirror, as the platform's webhook would set. */
    public TestShop customer(String customerId, String email, String locale) {
        DSLContext db = host.bean(DSLContext.class);
        db.transaction(tx -> host.bean(dev.aftersales.host.catalog.MirrorUpdates.class).apply(tx.dsl(), id,
                new dev.aftersales.api.platform.PlatformFact.CustomerFact(customerId, email, locale,
                        host.clock().instant())));
        return this;
    }

    /**
     * Where the database still holds a customer of this shop after a GDPR erase: every text column of every host and
     * plugin table, found from the schema, searched for the customer id, the address and its hash (the address may be
     * null). Empty when nothing is left, e.g. {@code assertThat(shop.personalData("anna", null)).isEmpty()}.
     */
    public List<String> personalData(String customerId, String email) {
        return new PersonalDataScan(sql()).find(id, customerId, email);
    }

    /**
     * The shop's platform played by the testkit (the host needs {@link AftersalesHost#withTestPlatform()}): enables
     * its connector for this shop and returns what it recorded and will answer.
     */
    public synchronized TestPlatform platform() {
        if (!platformEnabled) {
            enable(TestPlatform.CONNECTOR_ID);
            platformEnabled = true;
        }
        return TestPlatform.of(id);
    }

    /** The shop's notification outbox and settings. */
    public TestNotifications notifications() {
        return new TestNotifications(this, host);
    }

    /** The database without the tenant guard, for assertions on stored rows. */
    public DSLContext sql() {
        return host.bean(DSLContext.class);
    }

    private void toggle(String mutation, String pluginId) {
        GraphQlResult result = admin().execute("mutation($shop: ID!, $plugin: ID!) { " + mutation
                + "(input: {shopId: $shop, pluginId: $plugin}) { userErrors { field code message } } }",
                Map.of("shop", id, "plugin", pluginId)).assertNoErrors();
        requireNoUserErrors(result, mutation);
    }

    private static void requireNoUserErrors(GraphQlResult result, String mutation) {
        if (!result.path(mutation + ".userErrors").isEmpty()) {
            throw new AssertionError(mutation + " failed: " + result.path(mutation + ".userErrors"));
        }
    }
}
