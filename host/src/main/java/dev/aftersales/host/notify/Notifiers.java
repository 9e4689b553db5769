package dev.aftersales.host.notify;

import static dev.aftersales.host.jooq.Tables.CUSTOMERS;

import dev.aftersales.api.notify.Category;
import dev.aftersales.api.notify.ConsentState;
import dev.aftersales.api.notify.Enqueued;
import dev.aftersales.api.notify.Notification;
import dev.aftersales.api.notify.Notifier;
import dev.aftersales.api.notify.Recipient;
import dev.aftersales.host.notify.consent.Consents;
import dev.aftersales.host.notify.consent.DoubleOptIn;
import dev.aftersales.host.notify.outbox.OutboxWriter;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Makes the {@link Notifier} a feature receives in its context: the host's outbox, scoped to one shop and feature. */
@Component
public class Notifiers {

    private final OutboxWriter writer;
    private final Consents consents;
    private final DoubleOptIn doubleOptIn;
    private final DSLContext db;

    Notifiers(OutboxWriter writer, Consents consents, DoubleOptIn doubleOptIn, DSLContext db) {
        this.writer = writer;
        this.consents = consents;
        this.doubleOptIn = doubleOptIn;
        this.db = db;
    }

    public Notifier forShop(String shopId, String featureId) {
        return new Notifier() {
            @Override
            public Enqueued enqueue(Notification notification) {
                return writer.enqueue(shopId, featureId, notification);
            }

            @Override
            public List<Enqueued> enqueueAll(List<Notification> notifications) {
                return writer.enqueueAll(shopId, featureId, notifications);
            }

            @Override
            public ConsentState consent(Recipient recipient, Category category) {
                return consents.state(shopId, RecipientKey.of(recipient), category, emailHash(shopId, recipient));
            }

            @Override
            public ConsentState requestConsent(Recipient recipient, Category category, String purpose) {
                return doubleOptIn.request(shopId, featureId, recipient, category, purpose);
            }
        };
    }

    private String emailHash(String shopId, Recipient recipient) {
        if (recipient.isGuest()) {
            return RecipientKey.emailHash(recipient.email());
        }
        String email = db.select(CUSTOMERS.EMAIL).from(CUSTOMERS)
                .where(CUSTOMERS.SHOP_ID.eq(shopId).and(CUSTOMERS.CUSTOMER_ID.eq(recipient.customerId())))
                .fetchOne(CUSTOMERS.EMAIL);
        return email == null ? null : RecipientKey.emailHash(email);
    }
}
