package dev.aftersales.api.events;

import dev.aftersales.api.notify.Category;
import dev.aftersales.api.notify.Recipient;

/**
 * A recipient unsubscribed from a category (one-click or the link in a mail): the host sends them no more messages
 * of it; features may cancel what they keep for this recipient (e.g. alert subscriptions). Since plugin API 1.1.
 */
public record ConsentRevoked(Recipient recipient, Category category) implements Event {
}
