package dev.aftersales.host.events;

import dev.aftersales.api.events.Event;
import dev.aftersales.host.plugins.FeatureContexts;
import dev.aftersales.host.plugins.FeatureWiring;
import dev.aftersales.host.plugins.LoadedPlugin;
import dev.aftersales.host.plugins.PluginRuntime;
import dev.aftersales.host.tenancy.Shop;
import dev.aftersales.host.tenancy.ShopDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers an event to the listeners of the features enabled in its shop, in the caller's thread. A failing listener
 * is logged and counted and does not stop the others; webhook processing retries it (see InboxProcessor).
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
        return deliver(shop, event, pluginId -> true).size();
    }

    /** Delivers to the listeners of the enabled plugins {@code include} accepts; returns the failures. */
    public List<ListenerFailure> deliver(Shop shop, Event event, Predicate<String> include) {
        List<ListenerFailure> failures = new ArrayList<>();
        for (LoadedPlugin plugin : plugins.plugins()) {
            if (!shop.isEnabled(plugin.id()) || !include.test(plugin.id())) {
                continue;
            }
            for (FeatureWiring.Listener<?> listener : plugin.wiring().listeners()) {
                if (listener.type().isInstance(event)) {
                    deliver(shop, plugin, listener, event).ifPresent(failures::add);
                }
            }
        }
        return failures;
    }

    private <E extends Event> Optional<ListenerFailure> deliver(Shop shop, LoadedPlugin plugin,
                                                                FeatureWiring.Listener<E> listener, Event event) {
        try {
            listener.listener().on(contexts.forShop(shop, plugin), listener.type().cast(event));
            return Optional.empty();
        } catch (Exception e) {
            meters.counter("aftersales.events.listener.failures", "plugin", plugin.id(),
                    "event", event.getClass().getSimpleName()).increment();
            log.error("Listener of plugin {} failed on {} in shop {}", plugin.id(), event.getClass().getSimpleName(),
                    shop.id(), e);
            return Optional.of(new ListenerFailure(plugin.id(), event.getClass().getSimpleName() + ": " + e));
        }
    }

    /** A plugin's listener that threw. */
    public record ListenerFailure(String pluginId, String reason) {
    }
}
