package dev.aftersales.host.notify;

import static dev.aftersales.host.jooq.Tables.NOTIFY_CLICKS;
import static dev.aftersales.host.jooq.Tables.NOTIFY_CONSENTS;
import static dev.aftersales.host.jooq.Tables.NOTIFY_CONSENT_LOG;
import static dev.aftersales.host.jooq.Tables.NOTIFY_CONVERSIONS;
import static dev.aftersales.host.jooq.Tables.NOTIFY_MESSAGES;

import dev.aftersales.host.notify.consent.Consents;
import dev.aftersales.host.privacy.CustomerData;
import dev.aftersales.host.privacy.DataSubject;
import dev.aftersales.host.privacy.ExportRows;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Notifications' part of a customer's export and erasure: consents with their history, messages, clicks, orders
 * attributed to messages; also what the person left as a guest under the customer's address. */
@Component
public class NotifyCustomerData implements CustomerData {

    private final DSLContext db;
    private final Consents consents;
    private final NotifyErasure erasure;

    NotifyCustomerData(DSLContext db, Consents consents, NotifyErasure erasure) {
        this.db = db;
        this.consents = consents;
        this.erasure = erasure;
    }

    @Override
    public String section() {
        return "notifications";
    }

    @Override
    public Object export(DataSubject subject) {
        RecipientKey recipient = RecipientKey.customer(subject.customerId());
        String shopId = subject.shopId();
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("consents", ExportRows.of(consents.of(shopId, recipient), NOTIFY_CONSENTS.SHOP_ID));
        export.put("consentHistory", ExportRows.of(consents.history(shopId, recipient), NOTIFY_CONSENT_LOG.SHOP_ID));
        subject.email().map(RecipientKey::guest).ifPresent(guest -> {
            export.put("consentsAsGuest", ExportRows.of(consents.of(shopId, guest), NOTIFY_CONSENTS.SHOP_ID));
            export.put("consentHistoryAsGuest", ExportRows.of(consents.history(shopId, guest),
                    NOTIFY_CONSENT_LOG.SHOP_ID));
        });
        export.put("messages", ExportRows.of(db.select(NOTIFY_MESSAGES.MESSAGE_KEY, NOTIFY_MESSAGES.FEATURE_ID,
                        NOTIFY_MESSAGES.CATEGORY, NOTIFY_MESSAGES.TEMPLATE, NOTIFY_MESSAGES.DATA, NOTIFY_MESSAGES.STATE,
                        NOTIFY_MESSAGES.CHANNEL, NOTIFY_MESSAGES.CREATED_AT, NOTIFY_MESSAGES.SENT_AT,
                        NOTIFY_MESSAGES.FIRST_CLICKED_AT)
                .from(NOTIFY_MESSAGES)
                .where(NOTIFY_MESSAGES.SHOP_ID.eq(shopId).and(NOTIFY_MESSAGES.RECIPIENT_KEY.in(recipient.value(),
                        subject.email().map(email -> RecipientKey.guest(email).value()).orElse(recipient.value()))))
                .orderBy(NOTIFY_MESSAGES.ID).fetch()));
        export.put("clicks", ExportRows.of(db.select(NOTIFY_CLICKS.FEATURE_ID, NOTIFY_CLICKS.URL,
                        NOTIFY_CLICKS.CLICKED_AT).from(NOTIFY_CLICKS)
                .where(NOTIFY_CLICKS.SHOP_ID.eq(shopId).and(NOTIFY_CLICKS.CUSTOMER_ID.eq(subject.customerId())))
                .orderBy(NOTIFY_CLICKS.ID).fetch()));
        export.put("attributedOrders", ExportRows.of(db.selectFrom(NOTIFY_CONVERSIONS)
                .where(NOTIFY_CONVERSIONS.SHOP_ID.eq(shopId).and(NOTIFY_CONVERSIONS.CUSTOMER_ID.eq(subject.customerId())))
                .orderBy(NOTIFY_CONVERSIONS.PLACED_AT).fetch(), NOTIFY_CONVERSIONS.SHOP_ID));
        return export;
    }

    @Override
    public int erase(DataSubject subject) {
        return erasure.eraseCustomer(subject.shopId(), subject.customerId(), subject.email());
    }
}
