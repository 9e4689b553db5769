package dev.aftersales.plugins.wishlist;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.events.Event;
import java.util.List;

/**
 * What a transaction produced: the mutation's payload and the events to announce. Events are published only after
 * the transaction committed, so no listener hears of a change that was rolled back.
 *
 * <pre>{@code
 * return shop.inTransaction(tx -> ... Outcome.of(payload, events)).publish(shop);
 * }</pre>
 */
record Outcome<P>(P payload, List<Event> events) {

    Outcome {
        events = List.copyOf(events);
    }

    static <P> Outcome<P> of(P payload) {
        return new Outcome<>(payload, List.of());
    }

    static <P> Outcome<P> of(P payload, List<? extends Event> events) {
        return new Outcome<>(payload, List.copyOf(events));
    }

    /** Publishes the events (call it after the commit) and returns the payload. */
    P publish(FeatureContext shop) {
        events.forEach(shop.events()::publish);
        return payload;
    }
}
