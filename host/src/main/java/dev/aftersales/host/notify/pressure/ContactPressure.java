package dev.aftersales.host.notify.pressure;

import static dev.aftersales.host.jooq.Tables.NOTIFY_CONTACTS;
import static dev.aftersales.host.jooq.Tables.NOTIFY_MESSAGES;

import dev.aftersales.api.notify.Category;
import dev.aftersales.host.notify.RecipientKey;
import dev.aftersales.host.notify.outbox.Outbox;
import dev.aftersales.host.notify.settings.NotifySettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Frequency caps across all features: at most N non-transactional messages per recipient within a window. A message
 * takes a slot ({@code counted_at}) under a lock on the recipient's row, so two workers cannot both take the last one.
 */
@Component
public class ContactPressure {

    private final DSLContext db;
    private final Clock clock;

    ContactPressure(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The recipient is at the cap: how many messages count in the window, and when the next slot frees up. */
    public record Full(int counted, Instant slotFrees) {
    }

    /**
     * Takes a slot for the message, or tells why not. Also remembers the hash of the address the customer is reached
     * at, for the suppression list after an erasure.
     *
     * @return empty when the message may go now
     */
    public Optional<Full> reserve(String shopId, long messageId, RecipientKey recipient, String emailHash,
                              NotifySettings settings) {
        Instant now = clock.instant();
        return db.transactionResult(tx -> {
            DSLContext dsl = tx.dsl();
            dsl.insertInto(NOTIFY_CONTACTS)
                    .set(NOTIFY_CONTACTS.SHOP_ID, shopId)
                    .set(NOTIFY_CONTACTS.RECIPIENT_KEY, recipient.value())
                    .onDuplicateKeyIgnore().execute();
            dsl.selectFrom(NOTIFY_CONTACTS).where(NOTIFY_CONTACTS.SHOP_ID.eq(shopId)
                    .and(NOTIFY_CONTACTS.RECIPIENT_KEY.eq(recipient.value()))).forUpdate().fetchOne();
            if (emailHash != null && !recipient.isGuest()) {
                dsl.update(NOTIFY_CONTACTS).set(NOTIFY_CONTACTS.EMAIL_HASH, emailHash)
                        .where(NOTIFY_CONTACTS.SHOP_ID.eq(shopId).and(NOTIFY_CONTACTS.RECIPIENT_KEY.eq(recipient.value())))
                        .execute();
            }
            if (settings.capMax() > 0) {
                LocalDateTime windowStart = Outbox.utc(now.minus(Duration.ofDays(settings.capDays())));
                List<LocalDateTime> counted = dsl.select(NOTIFY_MESSAGES.COUNTED_AT).from(NOTIFY_MESSAGES)
                        .where(NOTIFY_MESSAGES.SHOP_ID.eq(shopId)
                                .and(NOTIFY_MESSAGES.RECIPIENT_KEY.eq(recipient.value()))
                                .and(NOTIFY_MESSAGES.COUNTED_AT.ge(windowStart))
                                .and(NOTIFY_MESSAGES.CATEGORY.ne(Category.TRANSACTIONAL.name())))
                        .orderBy(NOTIFY_MESSAGES.COUNTED_AT)
                        .fetch(NOTIFY_MESSAGES.COUNTED_AT);
                if (counted.size() >= settings.capMax()) {
                    // a slot frees when enough of them left the window to be below the cap (which may have shrunk)
                    Instant frees = Outbox.instant(counted.get(counted.size() - settings.capMax()))
                            .plus(Duration.ofDays(settings.capDays()));
                    return Optional.of(new Full(counted.size(), frees));
                }
            }
            dsl.update(NOTIFY_MESSAGES).set(NOTIFY_MESSAGES.COUNTED_AT, Outbox.utc(now))
                    .where(NOTIFY_MESSAGES.ID.eq(messageId)).execute();
            return Optional.<Full>empty();
        });
    }

    /** The address hash last used for a customer, kept for the suppression list when the customer is erased. */
    public Optional<String> emailHashOf(String shopId, RecipientKey recipient) {
        return Optional.ofNullable(db.select(NOTIFY_CONTACTS.EMAIL_HASH).from(NOTIFY_CONTACTS)
                .where(NOTIFY_CONTACTS.SHOP_ID.eq(shopId).and(NOTIFY_CONTACTS.RECIPIENT_KEY.eq(recipient.value())))
                .fetchOne(NOTIFY_CONTACTS.EMAIL_HASH));
    }

    public int forget(String shopId, RecipientKey recipient) {
        return db.deleteFrom(NOTIFY_CONTACTS)
                .where(NOTIFY_CONTACTS.SHOP_ID.eq(shopId).and(NOTIFY_CONTACTS.RECIPIENT_KEY.eq(recipient.value())))
                .execute();
    }
}
