package dev.aftersales.host.notify;

import static dev.aftersales.host.jooq.Tables.CUSTOMERS;
import static dev.aftersales.host.jooq.Tables.NOTIFY_CLICKS;
import static dev.aftersales.host.jooq.Tables.NOTIFY_CONVERSIONS;
import static dev.aftersales.host.jooq.Tables.NOTIFY_MESSAGES;

import dev.aftersales.api.notify.Category;
import dev.aftersales.host.notify.consent.Consents;
import dev.aftersales.host.notify.consent.Suppressions;
import dev.aftersales.host.notify.outbox.Outbox;
import dev.aftersales.host.notify.pressure.ContactPressure;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * GDPR erasure of what notifications keep about a person: consents and their history are deleted, messages and
 * clicks lose everything that names the person (counts for reports stay), queued messages are dropped, and the
 * address stays only as a hash on the suppression list (non-transactional categories), so it is not mailed again
 * unless the person opts in anew. Every step is idempotent.
 */
@Component
public class NotifyErasure {

    private static final List<Category> SUPPRESSED = List.of(Category.ALERT, Category.REMINDER, Category.MARKETING);

    private final DSLContext db;
    private final Consents consents;
    private final Suppressions suppressions;
    private final ContactPressure pressure;

    NotifyErasure(DSLContext db, Consents consents, Suppressions suppressions, ContactPressure pressure) {
        this.db = db;
        this.consents = consents;
        this.suppressions = suppressions;
        this.pressure = pressure;
    }

    /** Erases a customer, with the address the mirror still knows (if any). */
    public void eraseCustomer(String shopId, String customerId) {
        String mirrored = db.select(CUSTOMERS.EMAIL).from(CUSTOMERS)
                .where(CUSTOMERS.SHOP_ID.eq(shopId).and(CUSTOMERS.CUSTOMER_ID.eq(customerId)))
                .fetchOne(CUSTOMERS.EMAIL);
        eraseCustomer(shopId, customerId, Optional.ofNullable(mirrored));
    }

    /**
     * Erases a customer in one transaction (joining the caller's); {@code email} is the address the mirror knew,
     * else the hash last used for the customer goes on the suppression list. What the person left as a guest under
     * that address (consents, messages) goes too. Returns the rows changed.
     */
    int eraseCustomer(String shopId, String customerId, Optional<String> email) {
        RecipientKey recipient = RecipientKey.customer(customerId);
        Optional<String> emailHash = email.map(RecipientKey::emailHash).or(() -> pressure.emailHashOf(shopId, recipient));
        return db.transactionResult(tx -> {
            emailHash.ifPresent(hash -> SUPPRESSED.forEach(category ->
                    suppressions.add(shopId, hash, category.name(), "erased")));
            int asGuest = email.map(address -> erase(shopId, RecipientKey.guest(address))).orElse(0);
            return erase(shopId, recipient) + asGuest
                    + db.update(NOTIFY_CLICKS).set(NOTIFY_CLICKS.CUSTOMER_ID, (String) null)
                    .where(NOTIFY_CLICKS.SHOP_ID.eq(shopId).and(NOTIFY_CLICKS.CUSTOMER_ID.eq(customerId))).execute()
                    + db.update(NOTIFY_CONVERSIONS).set(NOTIFY_CONVERSIONS.CUSTOMER_ID, "")
                    .where(NOTIFY_CONVERSIONS.SHOP_ID.eq(shopId).and(NOTIFY_CONVERSIONS.CUSTOMER_ID.eq(customerId)))
                    .execute();
        });
    }

    /** Erases a guest known by address (a data subject's request through the operator API). */
    public void eraseGuest(String shopId, String email) {
        RecipientKey recipient = RecipientKey.guest(email);
        db.transaction(tx -> {
            SUPPRESSED.forEach(category -> suppressions.add(shopId, recipient.guestEmailHash(), category.name(),
                    "erased"));
            erase(shopId, recipient);
        });
    }

    private int erase(String shopId, RecipientKey recipient) {
        int changed = consents.erase(shopId, recipient) + pressure.forget(shopId, recipient);
        db.update(NOTIFY_MESSAGES)
                .set(NOTIFY_MESSAGES.STATE, Outbox.DROPPED)
                .set(NOTIFY_MESSAGES.REASON, "ERASED: the recipient was erased")
                .where(NOTIFY_MESSAGES.SHOP_ID.eq(shopId).and(NOTIFY_MESSAGES.RECIPIENT_KEY.eq(recipient.value()))
                        .and(NOTIFY_MESSAGES.STATE.in(Outbox.PENDING, Outbox.RETRY)))
                .execute();
        // features may build dedupe keys from the customer id; the row id keeps the key unique
        return changed + db.update(NOTIFY_MESSAGES)
                .set(NOTIFY_MESSAGES.CUSTOMER_ID, (String) null)
                .set(NOTIFY_MESSAGES.EMAIL, (String) null)
                .set(NOTIFY_MESSAGES.DATA, "{}")
                .set(NOTIFY_MESSAGES.RECIPIENT_KEY, "erased")
                // a failure's reason may quote the address (SMTP replies do); a drop's reason does not
                .set(NOTIFY_MESSAGES.REASON, DSL.when(NOTIFY_MESSAGES.STATE.eq(Outbox.DROPPED), NOTIFY_MESSAGES.REASON))
                .set(NOTIFY_MESSAGES.DEDUPE_KEY, DSL.concat(DSL.inline("erased:"), NOTIFY_MESSAGES.ID.cast(String.class)))
                .where(NOTIFY_MESSAGES.SHOP_ID.eq(shopId).and(NOTIFY_MESSAGES.RECIPIENT_KEY.eq(recipient.value())))
                .execute();
    }
}
