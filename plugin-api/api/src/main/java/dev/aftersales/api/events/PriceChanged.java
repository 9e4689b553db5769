package dev.aftersales.api.events;

import dev.aftersales.api.catalog.Money;

/** A variant's price changed. */
public record PriceChanged(String variantId, Money oldPrice, Money newPrice) implements Event {
}
