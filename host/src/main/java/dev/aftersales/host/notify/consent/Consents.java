package dev.aftersales.host.notify.consent;

import static dev.aftersales.host.jooq.Tables.NOTIFY_CONSENTS;
import static dev.aftersales.host.jooq.Tables.NOTIFY_CONSENT_LOG;

import dev.aftersales.api.notify.Category;
import dev.aftersales.api.notify.ConsentState;
import dev.aftersales.host.jooq.tables.records.NotifyConsentLogRecord;
import dev.aftersales.host.jooq.tables.records.NotifyConsentsRecord;
import dev.aftersales.host.notify.RecipientKey;
import dev.aftersales.host.notify.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

/**
 * Consent per recipient and category, and its history: every change is appended to {@code notify_consent_log} with
 * when, how and the text the person agreed to. Writes join the caller's transaction.
 */
@Component
public class Consents {

    static final String PENDING = "PENDING";
    static final String GRANTED = "GRANTED";
    static final String REVOKED = "REVOKED";
    static final String EXPIRED = "EXPIRED";

    private final DSLContext db;
    private final Clock clock;
    private final Suppressions suppressions;

    Consents(DSLContext db, Clock clock, Suppressions suppressions) {
        this.db = db;
        this.clock = clock;
        this.suppressions = suppressions;
    }

    Optional<NotifyConsentsRecord> find(String shopId, RecipientKey recipient, Category category) {
        return db.selectFrom(NOTIFY_CONSENTS).where(NOTIFY_CONSENTS.SHOP_ID.eq(shopId)
                .and(NOTIFY_CONSENTS.RECIPIENT_KEY.eq(recipient.value()))
                .and(NOTIFY_CONSENTS.CATEGORY.eq(category.name()))).fetchOptional();
    }

    /**
     * Whether the recipient may receive the category: a suppressed address or an unsubscribe says no; a confirmed
     * opt-in says yes; otherwise guests (every category but transactional) and customers (marketing) need a double
     * opt-in, and customers may receive the rest until they unsubscribe.
     *
     * @param emailHash hash of the address the message would go to, when known
     */
    public ConsentState state(String shopId, RecipientKey recipient, Category category, String emailHash) {
        if (suppressions.suppressed(shopId, emailHash, category.name())) {
            return ConsentState.REVOKED;
        }
        Optional<NotifyConsentsRecord> row = find(shopId, recipient, category);
        if (row.isPresent()) {
            switch (row.get().getState()) {
                case GRANTED:
                    return ConsentState.GRANTED;
                case REVOKED:
                    return ConsentState.REVOKED;
                case PENDING:
                    if (row.get().getExpiresAt() == null || row.get().getExpiresAt().isAfter(Outbox.utc(clock.instant()))) {
                        return ConsentState.PENDING;
                    }
                    break;
                default:
                    break;
            }
        }
        boolean needsOptIn = recipient.isGuest() ? category.needsDoubleOptInForGuests()
                : category.needsDoubleOptInForCustomers();
        return needsOptIn ? ConsentState.NONE : ConsentState.GRANTED;
    }

    /** Records consent given by the person's own action (e.g. a signed-in customer subscribing to an alert). */
    void grant(String shopId, RecipientKey recipient, Category category, String featureId, String source,
               String text) {
        LocalDateTime now = Outbox.utc(clock.instant());
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(NOTIFY_CONSENTS.STATE, GRANTED);
        values.put(NOTIFY_CONSENTS.CUSTOMER_ID, recipient.customerId());
        values.put(NOTIFY_CONSENTS.PURPOSE, truncate(text, 500));
        values.put(NOTIFY_CONSENTS.CONSENT_TEXT, truncate(text, 2000));
        values.put(NOTIFY_CONSENTS.SOURCE, source);
        values.put(NOTIFY_CONSENTS.REQUESTED_BY, featureId);
        values.put(NOTIFY_CONSENTS.REQUESTED_AT, now);
        values.put(NOTIFY_CONSENTS.CONFIRMED_AT, now);
        values.put(NOTIFY_CONSENTS.REVOKED_AT, null);
        values.put(NOTIFY_CONSENTS.EXPIRES_AT, null);
        upsert(shopId, recipient, category, values);
        log(shopId, recipient, category, "GRANTED", source, text);
    }

    /** Records a double opt-in request; the confirmation mail is queued by the caller. */
    void request(String shopId, RecipientKey recipient, Category category, String featureId, String email,
                 String locale, String purpose, String text, Instant requestedAt, Instant expiresAt) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(NOTIFY_CONSENTS.STATE, PENDING);
        values.put(NOTIFY_CONSENTS.CUSTOMER_ID, recipient.customerId());
        values.put(NOTIFY_CONSENTS.EMAIL, email);
        values.put(NOTIFY_CONSENTS.LOCALE, locale);
        values.put(NOTIFY_CONSENTS.PURPOSE, truncate(purpose, 500));
        values.put(NOTIFY_CONSENTS.CONSENT_TEXT, truncate(text, 2000));
        values.put(NOTIFY_CONSENTS.SOURCE, "double-opt-in");
        values.put(NOTIFY_CONSENTS.REQUESTED_BY, featureId);
        values.put(NOTIFY_CONSENTS.REQUESTED_AT, Outbox.utc(requestedAt));
        values.put(NOTIFY_CONSENTS.CONFIRMED_AT, null);
        values.put(NOTIFY_CONSENTS.EXPIRES_AT, Outbox.utc(expiresAt));
        upsert(shopId, recipient, category, values);
        log(shopId, recipient, category, "REQUESTED", "double-opt-in", text);
    }

    /** Confirms a pending request; true when it was pending and not expired (a repeated click changes nothing). */
    boolean confirm(String shopId, RecipientKey recipient, Category category) {
        LocalDateTime now = Outbox.utc(clock.instant());
        int updated = db.update(NOTIFY_CONSENTS)
                .set(NOTIFY_CONSENTS.STATE, GRANTED)
                .set(NOTIFY_CONSENTS.CONFIRMED_AT, now)
                .set(NOTIFY_CONSENTS.REVOKED_AT, (LocalDateTime) null)
                .set(NOTIFY_CONSENTS.UPDATED_AT, now)
                .where(key(shopId, recipient, category).and(NOTIFY_CONSENTS.STATE.eq(PENDING))
                        .and(NOTIFY_CONSENTS.EXPIRES_AT.gt(now)))
                .execute();
        if (updated == 1) {
            log(shopId, recipient, category, "CONFIRMED", "double-opt-in",
                    find(shopId, recipient, category).map(NotifyConsentsRecord::getConsentText).orElse(null));
        }
        return updated == 1;
    }

    /** Records an unsubscribe. */
    void revoke(String shopId, RecipientKey recipient, Category category, String source) {
        LocalDateTime now = Outbox.utc(clock.instant());
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(NOTIFY_CONSENTS.STATE, REVOKED);
        values.put(NOTIFY_CONSENTS.CUSTOMER_ID, recipient.customerId());
        values.put(NOTIFY_CONSENTS.SOURCE, source);
        values.put(NOTIFY_CONSENTS.REVOKED_AT, now);
        values.put(NOTIFY_CONSENTS.EXPIRES_AT, null);
        upsert(shopId, recipient, category, values);
        log(shopId, recipient, category, "REVOKED", source, null);
    }

    /** Marks unconfirmed requests past their expiry; returns how many. */
    public int expire(int limit) {
        LocalDateTime now = Outbox.utc(clock.instant());
        List<NotifyConsentsRecord> due = db.selectFrom(NOTIFY_CONSENTS)
                .where(NOTIFY_CONSENTS.STATE.eq(PENDING).and(NOTIFY_CONSENTS.EXPIRES_AT.le(now)))
                .limit(limit).fetch();
        int expired = 0;
        for (NotifyConsentsRecord row : due) {
            RecipientKey recipient = new RecipientKey(row.getRecipientKey());
            Category category = Category.valueOf(row.getCategory());
            int updated = db.update(NOTIFY_CONSENTS).set(NOTIFY_CONSENTS.STATE, EXPIRED)
                    .set(NOTIFY_CONSENTS.UPDATED_AT, now)
                    .where(key(row.getShopId(), recipient, category).and(NOTIFY_CONSENTS.STATE.eq(PENDING)))
                    .execute();
            if (updated == 1) {
                log(row.getShopId(), recipient, category, "EXPIRED", "double-opt-in", null);
                expired++;
            }
        }
        return expired;
    }

    /** The recipient's consents and their history, for operators and data exports. */
    public List<NotifyConsentsRecord> of(String shopId, RecipientKey recipient) {
        return db.selectFrom(NOTIFY_CONSENTS).where(NOTIFY_CONSENTS.SHOP_ID.eq(shopId)
                .and(NOTIFY_CONSENTS.RECIPIENT_KEY.eq(recipient.value()))).orderBy(NOTIFY_CONSENTS.CATEGORY).fetch();
    }

    public List<NotifyConsentLogRecord> history(String shopId, RecipientKey recipient) {
        return List.copyOf(db.selectFrom(NOTIFY_CONSENT_LOG).where(NOTIFY_CONSENT_LOG.SHOP_ID.eq(shopId)
                .and(NOTIFY_CONSENT_LOG.RECIPIENT_KEY.eq(recipient.value()))).orderBy(NOTIFY_CONSENT_LOG.ID).fetch());
    }

    /** Forgets the recipient's consents and history (GDPR erasure; suppressions stay, as hashes). */
    public int erase(String shopId, RecipientKey recipient) {
        return db.deleteFrom(NOTIFY_CONSENTS).where(NOTIFY_CONSENTS.SHOP_ID.eq(shopId)
                .and(NOTIFY_CONSENTS.RECIPIENT_KEY.eq(recipient.value()))).execute()
                + db.deleteFrom(NOTIFY_CONSENT_LOG).where(NOTIFY_CONSENT_LOG.SHOP_ID.eq(shopId)
                .and(NOTIFY_CONSENT_LOG.RECIPIENT_KEY.eq(recipient.value()))).execute();
    }

    private void upsert(String shopId, RecipientKey recipient, Category category, Map<Field<?>, Object> values) {
        Map<Field<?>, Object> row = new LinkedHashMap<>(values);
        row.put(NOTIFY_CONSENTS.UPDATED_AT, Outbox.utc(clock.instant()));
        Map<Field<?>, Object> insert = new LinkedHashMap<>(row);
        insert.put(NOTIFY_CONSENTS.SHOP_ID, shopId);
        insert.put(NOTIFY_CONSENTS.RECIPIENT_KEY, recipient.value());
        insert.put(NOTIFY_CONSENTS.CATEGORY, category.name());
        // One upsert, which takes an exclusive lock on an existing row at once. INSERT IGNORE and then UPDATE took a
        // shared lock first: two requests of the same person (a double click) both held it, both waited to upgrade
        // it, and deadlocked. jOOQ renders the upsert for the dialect detected from the server (JooqSetup).
        db.insertInto(NOTIFY_CONSENTS).set(insert).onDuplicateKeyUpdate().set(row).execute();
    }

    private static org.jooq.Condition key(String shopId, RecipientKey recipient, Category category) {
        return NOTIFY_CONSENTS.SHOP_ID.eq(shopId).and(NOTIFY_CONSENTS.RECIPIENT_KEY.eq(recipient.value()))
                .and(NOTIFY_CONSENTS.CATEGORY.eq(category.name()));
    }

    private void log(String shopId, RecipientKey recipient, Category category, String action, String source,
                     String text) {
        db.insertInto(NOTIFY_CONSENT_LOG)
                .set(NOTIFY_CONSENT_LOG.SHOP_ID, shopId)
                .set(NOTIFY_CONSENT_LOG.RECIPIENT_KEY, recipient.value())
                .set(NOTIFY_CONSENT_LOG.CATEGORY, category.name())
                .set(NOTIFY_CONSENT_LOG.ACTION, action)
                .set(NOTIFY_CONSENT_LOG.SOURCE, source)
                .set(NOTIFY_CONSENT_LOG.CONSENT_TEXT, truncate(text, 2000))
                .set(NOTIFY_CONSENT_LOG.HAPPENED_AT, Outbox.utc(clock.instant()))
                .execute();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
