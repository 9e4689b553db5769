package dev.aftersales.host.plugins;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.Links;
import dev.aftersales.api.ShopProfile;
import dev.aftersales.api.catalog.Catalog;
import dev.aftersales.api.catalog.Orders;
import dev.aftersales.api.events.Events;
import dev.aftersales.api.notify.Notifier;
import dev.aftersales.api.platform.ShopPlatform;
import dev.aftersales.api.catalog.Recommendations;
import dev.aftersales.api.rewards.Rewards;
import dev.aftersales.api.settings.Settings;
import dev.aftersales.host.catalog.CatalogService;
import dev.aftersales.host.catalog.OrderService;
import dev.aftersales.host.events.EventBus;
import dev.aftersales.host.links.FeatureLinks;
import dev.aftersales.host.notify.Notifiers;
import dev.aftersales.host.notify.settings.NotifySettings;
import dev.aftersales.host.notify.settings.NotifySettingsStore;
import dev.aftersales.host.recommend.ShopRecommendations;
import dev.aftersales.host.rewards.RewardsLedger;
import dev.aftersales.host.tenancy.Shop;
import dev.aftersales.host.tenancy.TenantGuard;
import dev.aftersales.host.tenancy.TenantGuardRefusals;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.ExecuteListenerProvider;
import org.jooq.VisitListenerProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Makes the {@link FeatureContext} a plugin receives for one shop: every host service scoped to that shop. */
@Component
public class FeatureContexts {

    private final DSLContext db;
    private final Clock clock;
    private final CatalogService catalog;
    private final OrderService orders;
    private final FeatureLinks links;
    private final EventBus events;
    private final PluginRuntime plugins;
    private final Notifiers notifiers;
    private final TenantGuardRefusals refusals;
    private final RewardsLedger rewards;
    private final NotifySettingsStore notifySettings;
    private final ShopRecommendations recommendations;

    public FeatureContexts(DSLContext db, Clock clock, CatalogService catalog, OrderService orders, FeatureLinks links,
                           @Lazy EventBus events, @Lazy PluginRuntime plugins, Notifiers notifiers,
                           TenantGuardRefusals refusals, RewardsLedger rewards, NotifySettingsStore notifySettings,
                           ShopRecommendations recommendations) {
        this.db = db;
        this.clock = clock;
        this.catalog = catalog;
        this.orders = orders;
        this.links = links;
        this.events = events;
        this.plugins = plugins;
        this.notifiers = notifiers;
        this.refusals = refusals;
        this.rewards = rewards;
        this.notifySettings = notifySettings;
        this.recommendations = recommendations;
    }

    public FeatureContext forShop(Shop shop, LoadedPlugin plugin) {
        DSLContext tenantDb = guardedDb(shop, plugin);
        Settings settings = new ResolvedSettings(plugin.descriptor().settings(), shop.settingValues(plugin.id()));
        return new ShopFeatureContext(shop.id(), plugin.id(), tenantDb, clock, settings,
                catalog.forShop(shop.id()), orders.forShop(shop.id()), links.forFeature(shop.id(), plugin.id()),
                event -> events.publish(shop.id(), event),
                new ConnectedPlatform(shop, () -> connectorOf(shop), this), notifiers.forShop(shop.id(), plugin.id()),
                rewards.forShop(shop.id(), plugin.id()), profile(shop), recommendations.forShop(shop.id()));
    }

    /**
     * The host's jOOQ configuration with the plugin's {@link TenantGuard} as execute and visit listener, and a copy of
     * the settings so a plugin changing them changes nothing for the host or other plugins.
     */
    private DSLContext guardedDb(Shop shop, LoadedPlugin plugin) {
        TenantGuard guard = new TenantGuard(plugin.id(), shop.id(), plugin.tables(), refusals::record);
        ExecuteListenerProvider[] hostListeners = db.configuration().executeListenerProviders();
        ExecuteListenerProvider[] listeners = Arrays.copyOf(hostListeners, hostListeners.length + 1);
        listeners[hostListeners.length] = () -> guard;
        VisitListenerProvider[] hostVisitors = db.configuration().visitListenerProviders();
        VisitListenerProvider[] visitors = Arrays.copyOf(hostVisitors, hostVisitors.length + 1);
        visitors[hostVisitors.length] = () -> guard;
        return db.configuration().derive(listeners).derive(visitors)
                .derive((org.jooq.conf.Settings) db.configuration().settings().clone()).dsl();
    }

    private ShopProfile profile(Shop shop) {
        NotifySettings notify = notifySettings.of(shop.id());
        return new ShopProfile(shop.id(), shop.name(), notify.timeZone(), Locale.forLanguageTag(notify.defaultLocale()));
    }

    /** The loaded connector plugin the shop enabled, if any (enabling a second one is refused). */
    public Optional<LoadedPlugin> connectorOf(Shop shop) {
        return plugins.plugins().stream()
                .filter(plugin -> plugin.connector().isPresent() && shop.isEnabled(plugin.id()))
                .findFirst();
    }

    private record ShopFeatureContext(String shopId, String featureId, DSLContext db, Clock clock, Settings settings,
                                      Catalog catalog, Orders orders, Links links, Events events,
                                      ShopPlatform platform, Notifier notifier,
                                      Rewards rewards, ShopProfile shop, Recommendations recommendations)
            implements FeatureContext {
    }
}
