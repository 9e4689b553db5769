package dev.aftersales.api.events;

import dev.aftersales.api.notify.Category;
import dev.aftersales.api.notify.Recipient;

/**
 * A recipient confirmed a double opt-in (clicked the link in the confirmation mail): features may now activate what
 * they kept pending for this address and category. Since plugin API 1.1.
 */
public record ConsentConfirmed(Recipient recipient, Category category) implements Event {
}
