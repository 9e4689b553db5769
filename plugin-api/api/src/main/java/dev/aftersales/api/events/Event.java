package dev.aftersales.api.events;

/**
 * Marker for events. The events every feature may rely on live in this package; a plugin may define its own for its
 * own listeners. Events carry ids, never another shop's data: the host delivers them within one shop.
 */
public interface Event {
}
