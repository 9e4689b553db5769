package dev.aftersales.api.events;

import dev.aftersales.api.FeatureContext;

/**
 * Reacts to an event in a shop that enabled the feature.
 *
 * <pre>{@code
 * wiring.listen(StockChanged.class, (shop, event) -> alerts.onStock(shop, event.variantId(), event.stock()));
 * }</pre>
 *
 * A listener that throws is logged with the feature and event; it does not stop other listeners.
 */
@FunctionalInterface
public interface EventListener<E extends Event> {

    void on(FeatureContext shop, E event) throws Exception;
}
