package dev.aftersales.host.notify.consent;

import static dev.aftersales.host.jooq.Tables.CUSTOMERS;

import dev.aftersales.api.events.ConsentConfirmed;
import dev.aftersales.api.events.ConsentRevoked;
import dev.aftersales.api.events.Event;
import dev.aftersales.api.notify.Category;
import dev.aftersales.api.notify.Recipient;
import dev.aftersales.host.events.EventBus;
import dev.aftersales.host.jooq.tables.records.NotifyConsentsRecord;
import dev.aftersales.host.notify.RecipientKey;
import dev.aftersales.host.notify.outbox.Outbox;
import dev.aftersales.host.notify.tracking.NotifyLinks;
import java.util.Optional;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a recipient does with the links in a mail: confirm a double opt-in, or unsubscribe from a category. An
 * unsubscribe takes effect at once: the consent is revoked, the address hash goes on the suppression list, and what
 * is still queued for the recipient in that category is dropped. The shop's features hear about both as events
 * (after the change is committed; a failing listener is logged, not retried).
 */
@Component
public class ConsentLinks {

    private static final Logger log = LoggerFactory.getLogger(ConsentLinks.class);

    /** How a confirmation link ended. */
    public enum Confirmation { CONFIRMED, ALREADY_CONFIRMED, EXPIRED, INVALID }

    private final NotifyLinks links;
    private final Consents consents;
    private final Suppressions suppressions;
    private final Outbox outbox;
    private final EventBus events;
    private final DSLContext db;

    ConsentLinks(NotifyLinks links, Consents consents, Suppressions suppressions, Outbox outbox, EventBus events,
                 DSLContext db) {
        this.links = links;
        this.consents = consents;
        this.suppressions = suppressions;
        this.outbox = outbox;
        this.events = events;
        this.db = db;
    }

    /** The target of a valid link, to show the right page before the recipient confirms. */
    public Optional<NotifyLinks.Target> target(String shopId, String purpose, String token) {
        return links.verify(shopId, purpose, token);
    }

    public Confirmation confirm(String shopId, String token) {
        Optional<NotifyLinks.Target> target = links.verify(shopId, NotifyLinks.CONFIRM, token);
        if (target.isEmpty()) {
            // a forged token, or one past its expiry (the signature carries it)
            return Confirmation.INVALID;
        }
        RecipientKey recipient = target.get().recipient();
        Category category = target.get().category();
        Optional<NotifyConsentsRecord> row = consents.find(shopId, recipient, category);
        if (row.isEmpty()) {
            return Confirmation.INVALID;
        }
        if (Consents.GRANTED.equals(row.get().getState())) {
            return Confirmation.ALREADY_CONFIRMED;
        }
        boolean confirmed = db.transactionResult(tx -> {
            if (!consents.confirm(shopId, recipient, category)) {
                return false;
            }
            suppressions.lift(shopId, emailHash(shopId, recipient, row.get()), category.name());
            return true;
        });
        if (!confirmed) {
            // a click at the same moment may have confirmed it (a double click, a mail client posting too)
            return consents.find(shopId, recipient, category)
                    .filter(now -> Consents.GRANTED.equals(now.getState()))
                    .map(now -> Confirmation.ALREADY_CONFIRMED)
                    .orElse(Confirmation.EXPIRED);
        }
        publish(shopId, new ConsentConfirmed(recipientOf(recipient, row.get()), category));
        return Confirmation.CONFIRMED;
    }

    /** Unsubscribes; false for a forged token. Repeating it changes nothing more. */
    public boolean unsubscribe(String shopId, String token, String source) {
        Optional<NotifyLinks.Target> target = links.verify(shopId, NotifyLinks.UNSUBSCRIBE, token);
        if (target.isEmpty()) {
            return false;
        }
        RecipientKey recipient = target.get().recipient();
        Category category = target.get().category();
        Optional<NotifyConsentsRecord> before = consents.find(shopId, recipient, category);
        if (before.isPresent() && Consents.REVOKED.equals(before.get().getState())) {
            return true;
        }
        db.transaction(tx -> {
            consents.revoke(shopId, recipient, category, source);
            suppressions.add(shopId, emailHash(shopId, recipient, before.orElse(null)), category.name(), source);
            int dropped = outbox.dropQueued(shopId, recipient, category.name(), "UNSUBSCRIBED: the recipient "
                    + "unsubscribed from " + category + " messages");
            log.info("Shop {}: a recipient unsubscribed from {} ({}); {} queued messages dropped", shopId, category,
                    source, dropped);
        });
        Recipient who = recipientOf(recipient, before.orElse(null));
        if (who != null) {
            publish(shopId, new ConsentRevoked(who, category));
        }
        return true;
    }

    private String emailHash(String shopId, RecipientKey recipient, NotifyConsentsRecord row) {
        if (recipient.isGuest()) {
            return recipient.guestEmailHash();
        }
        String email = db.select(CUSTOMERS.EMAIL).from(CUSTOMERS)
                .where(CUSTOMERS.SHOP_ID.eq(shopId).and(CUSTOMERS.CUSTOMER_ID.eq(recipient.customerId())))
                .fetchOne(CUSTOMERS.EMAIL);
        return email == null ? null : RecipientKey.emailHash(email);
    }

    /** The recipient as features know it; null for a guest whose address the host never stored. */
    private static Recipient recipientOf(RecipientKey recipient, NotifyConsentsRecord row) {
        if (!recipient.isGuest()) {
            return Recipient.customer(recipient.customerId());
        }
        return row == null || row.getEmail() == null ? null : Recipient.guest(row.getEmail(), row.getLocale());
    }

    private void publish(String shopId, Event event) {
        try {
            events.publish(shopId, event);
        } catch (RuntimeException e) {
            log.error("Publishing {} in shop {} failed", event.getClass().getSimpleName(), shopId, e);
        }
    }
}
