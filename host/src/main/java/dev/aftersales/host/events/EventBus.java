package dev.aftersales.host.events;

import dev.aftersales.api.events.Event;
import dev.aftersales.host.plugins.FeatureContexts;
import dev.aftersales.host.plugins.FeatureWiring;
import dev.aftersales.host.plugins.LoadedPlugin;
import dev.aftersales.host.plugins.PluginRuntime;
import dev.aftersales.host.tenancy.Shop;
import dev.aftersales.host.tenancy.ShopDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers an event to the listeners of the features enabled in its shop, in the publisher's thread. A failing
 * listener is logged and counted and does not stop the others.
 */
@Component
public class EventBus {

    private static final Logger log = LoggerFactory.getLogger(EventBus.class);

    private final PluginRuntime plugins;
    private final ShopDirectory shops;
    private final FeatureContexts contexts;
    private final MeterRegistry meters;

    public EventBus(PluginRuntime plugins, ShopDirectory shops, FeatureContexts contexts, MeterRegistry meters) {
        this.plugins = plugins;
        this.shops = shops;
        this.contexts = contexts;
        this.meters = meters;
    }

    /** Delivers {@code event} in {@code shopId}; returns how many listeners failed. */
    public int publish(String shopId, Event event) {
        Shop shop = shops.find(shopId).orElseThrow(() -> new IllegalArgumentException("Unknown shop " + shopId));
        int failed = 0;
        for (LoadedPlugin plugin : plugins.plugins()) {
            if (!shop.isEnabled(plugin.id())) {
                continue;
            }
            for (FeatureWiring.Listener<?> listener : plugin.wiring().listeners()) {
                if (listener.type().isInstance(event) && !deliver(shop, plugin, listener, event)) {
                    failed++;
                }
            }
        }
        return failed;
    }

    private <E extends Event> boolean deliver(Shop shop, LoadedPlugin plugin, FeatureWiring.Listener<E> listener,
                                              Event event) {
        try {
            listener.listener().on(contexts.forShop(shop, plugin), listener.type().cast(event));
            return true;
        } catch (Exception e) {
            meters.counter("aftersales.events.listener.failures", "plugin", plugin.id(),
                    "event", event.getClass().getSimpleName()).increment();
            log.error("Listener of plugin {} failed on {} in shop {}", plugin.id(), event.getClass().getSimpleName(),
                    shop.id(), e);
            return false;
        }
    }
}
