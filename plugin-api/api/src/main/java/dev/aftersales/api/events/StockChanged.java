package dev.aftersales.api.events;

/** A variant's stock changed. */
public record StockChanged(String variantId, int oldStock, int newStock) implements Event {
}
