package dev.aftersales.host.notify.outbox;

import static dev.aftersales.host.jooq.Tables.NOTIFY_MESSAGES;

import dev.aftersales.host.data.ReadCommitted;
import dev.aftersales.host.jooq.tables.records.NotifyMessagesRecord;
import dev.aftersales.host.notify.RecipientKey;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The outbox table and its states. Features insert in their own transaction; workers claim due rows with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} and a lease, so several instances share the work and the rows of a dead
 * worker are claimed again when the lease runs out. Every change after a claim is fenced by state and attempt
 * number: a worker whose lease ran out cannot overwrite what the next claimant recorded.
 * <p>
 * Leases run on the real clock, not the host's (business) clock: a lease says whether a worker is alive, and a test
 * that moves the host's clock by a day must not take a message away from the worker that is sending it. The worker
 * renews its leases while it holds them ({@link OutboxWorker}), so a slow send keeps its message too.
 */
@Component
public class Outbox {

    public static final String PENDING = "PENDING";
    static final String SENDING = "SENDING";
    public static final String RETRY = "RETRY";
    public static final String SENT = "SENT";
    public static final String DROPPED = "DROPPED";
    static final String DEAD = "DEAD";
    /** Recorded instead of sent: the customer is in the feature's holdout group (host.holdout). Workers skip it. */
    public static final String HELD_OUT = "HELD_OUT";
    static final List<String> STATES = List.of(PENDING, SENDING, RETRY, SENT, DROPPED, DEAD, HELD_OUT);

    private final DSLContext db;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ReadCommitted readCommitted;
    private final Clock leaseClock = Clock.systemUTC();

    Outbox(DSLContext db, Clock clock, MeterRegistry meters, ReadCommitted readCommitted) {
        this.readCommitted = readCommitted;
        this.db = db;
        this.clock = clock;
        this.meters = meters;
    }

    /** A message to insert. */
    record NewMessage(String shopId, String featureId, String messageKey, String dedupeKey, String category,
                      String template, String data, String customerId, String email, String locale,
                      RecipientKey recipient, Instant notBefore, Instant expiresAt, String state) {

        NewMessage heldOut() {
            return new NewMessage(shopId, featureId, messageKey, dedupeKey, category, template, data, customerId, email,
                    locale, recipient, notBefore, expiresAt, HELD_OUT);
        }
    }

    /**
     * Inserts the messages whose dedupe keys the feature has not queued yet, with one multi-row INSERT; joins the
     * caller's transaction. Returns how many were new.
     */
    int insertAll(List<NewMessage> messages) {
        LocalDateTime now = now();
        var insert = db.insertInto(NOTIFY_MESSAGES, NOTIFY_MESSAGES.SHOP_ID, NOTIFY_MESSAGES.FEATURE_ID,
                NOTIFY_MESSAGES.MESSAGE_KEY, NOTIFY_MESSAGES.DEDUPE_KEY, NOTIFY_MESSAGES.CATEGORY,
                NOTIFY_MESSAGES.TEMPLATE, NOTIFY_MESSAGES.DATA, NOTIFY_MESSAGES.CUSTOMER_ID, NOTIFY_MESSAGES.EMAIL,
                NOTIFY_MESSAGES.LOCALE, NOTIFY_MESSAGES.RECIPIENT_KEY, NOTIFY_MESSAGES.STATE,
                NOTIFY_MESSAGES.NEXT_ATTEMPT_AT, NOTIFY_MESSAGES.EXPIRES_AT, NOTIFY_MESSAGES.CREATED_AT);
        for (NewMessage message : messages) {
            Instant due = message.notBefore() == null ? clock.instant() : message.notBefore();
            insert = insert.values(message.shopId(), message.featureId(), message.messageKey(), message.dedupeKey(),
                    message.category(), message.template(), message.data(), message.customerId(), message.email(),
                    message.locale(), message.recipient().value(), message.state(), utc(due),
                    message.expiresAt() == null ? null : utc(message.expiresAt()), now);
        }
        return insert.onDuplicateKeyIgnore().execute();
    }

    /** The keys of the messages a feature queued under these dedupe keys, by dedupe key. */
    Map<String, String> keysOf(String shopId, String featureId, Collection<String> dedupeKeys) {
        return db.select(NOTIFY_MESSAGES.DEDUPE_KEY, NOTIFY_MESSAGES.MESSAGE_KEY).from(NOTIFY_MESSAGES)
                .where(NOTIFY_MESSAGES.SHOP_ID.eq(shopId).and(NOTIFY_MESSAGES.FEATURE_ID.eq(featureId))
                        .and(NOTIFY_MESSAGES.DEDUPE_KEY.in(dedupeKeys)))
                .fetchMap(NOTIFY_MESSAGES.DEDUPE_KEY, NOTIFY_MESSAGES.MESSAGE_KEY);
    }

    /** Claims up to {@code limit} due messages, oldest first, for {@code lease}; each claim counts as an attempt. */
    List<NotifyMessagesRecord> claim(int limit, Duration lease) {
        LocalDateTime now = now();
        LocalDateTime leaseNow = utc(leaseClock.instant());
        return readCommitted.inTransaction(() -> {
            List<NotifyMessagesRecord> due = db.selectFrom(NOTIFY_MESSAGES)
                    .where(NOTIFY_MESSAGES.STATE.in(PENDING, RETRY).and(NOTIFY_MESSAGES.NEXT_ATTEMPT_AT.le(now))
                            .or(NOTIFY_MESSAGES.STATE.eq(SENDING).and(NOTIFY_MESSAGES.LEASE_UNTIL.lt(leaseNow))))
                    .orderBy(NOTIFY_MESSAGES.NEXT_ATTEMPT_AT, NOTIFY_MESSAGES.ID)
                    .limit(limit)
                    .forUpdate().skipLocked()
                    .fetch();
            if (!due.isEmpty()) {
                db.update(NOTIFY_MESSAGES)
                        .set(NOTIFY_MESSAGES.STATE, SENDING)
                        .set(NOTIFY_MESSAGES.LEASE_UNTIL, leaseNow.plus(lease))
                        .set(NOTIFY_MESSAGES.ATTEMPTS, NOTIFY_MESSAGES.ATTEMPTS.plus(1))
                        .where(NOTIFY_MESSAGES.ID.in(due.stream().map(NotifyMessagesRecord::getId).toList()))
                        .execute();
                due.forEach(row -> {
                    row.setAttempts(row.getAttempts() + 1);
                    row.setState(SENDING);
                });
            }
            return due;
        });
    }

    /**
     * Extends a claim that is still this worker's by {@code lease} from now; false when the lease ran out and another
     * worker claimed the message (then this worker must not send it).
     */
    boolean renew(Lease claim, Duration lease) {
        return db.update(NOTIFY_MESSAGES)
                .set(NOTIFY_MESSAGES.LEASE_UNTIL, utc(leaseClock.instant().plus(lease)))
                .where(NOTIFY_MESSAGES.ID.eq(claim.id()).and(NOTIFY_MESSAGES.STATE.eq(SENDING))
                        .and(NOTIFY_MESSAGES.ATTEMPTS.eq(claim.attempts())))
                .execute() == 1;
    }

    /** A claim of one message: its id and the attempt number the claim made (the fencing token). */
    record Lease(long id, int attempts) {
        static Lease of(NotifyMessagesRecord row) {
            return new Lease(row.getId(), row.getAttempts());
        }
    }

    boolean sent(NotifyMessagesRecord row, String channel, String sentBy) {
        return fenced(row, SENT, db.update(NOTIFY_MESSAGES)
                .set(NOTIFY_MESSAGES.STATE, SENT)
                .set(NOTIFY_MESSAGES.SENT_AT, now())
                .set(NOTIFY_MESSAGES.CHANNEL, channel)
                .set(NOTIFY_MESSAGES.SENT_BY, truncate(sentBy, 200))
                .set(NOTIFY_MESSAGES.REASON, (String) null)
                .set(NOTIFY_MESSAGES.LEASE_UNTIL, (LocalDateTime) null));
    }

    void retry(NotifyMessagesRecord row, Instant next, String reason) {
        fenced(row, RETRY, db.update(NOTIFY_MESSAGES)
                .set(NOTIFY_MESSAGES.STATE, RETRY)
                .set(NOTIFY_MESSAGES.NEXT_ATTEMPT_AT, utc(next))
                .set(NOTIFY_MESSAGES.REASON, truncate(reason, 2000))
                .set(NOTIFY_MESSAGES.LEASE_UNTIL, (LocalDateTime) null));
    }

    /** Parks the message for operators; it no longer counts against the recipient's cap (it was not sent). */
    void dead(NotifyMessagesRecord row, String reason) {
        fenced(row, DEAD, db.update(NOTIFY_MESSAGES)
                .set(NOTIFY_MESSAGES.STATE, DEAD)
                .set(NOTIFY_MESSAGES.REASON, truncate(reason, 2000))
                .set(NOTIFY_MESSAGES.COUNTED_AT, (LocalDateTime) null)
                .set(NOTIFY_MESSAGES.LEASE_UNTIL, (LocalDateTime) null));
    }

    /** Will not be sent: no consent, over the cap, expired. */
    void dropped(NotifyMessagesRecord row, String reason) {
        fenced(row, DROPPED, db.update(NOTIFY_MESSAGES)
                .set(NOTIFY_MESSAGES.STATE, DROPPED)
                .set(NOTIFY_MESSAGES.REASON, truncate(reason, 2000))
                .set(NOTIFY_MESSAGES.COUNTED_AT, (LocalDateTime) null)
                .set(NOTIFY_MESSAGES.LEASE_UNTIL, (LocalDateTime) null));
    }

    /** Postpones the message (quiet hours, cap); no delivery was attempted, so the attempt is given back. */
    void delay(NotifyMessagesRecord row, Instant until, String reason) {
        fenced(row, "DELAYED", db.update(NOTIFY_MESSAGES)
                .set(NOTIFY_MESSAGES.STATE, PENDING)
                .set(NOTIFY_MESSAGES.NEXT_ATTEMPT_AT, utc(until))
                .set(NOTIFY_MESSAGES.ATTEMPTS, NOTIFY_MESSAGES.ATTEMPTS.minus(1))
                .set(NOTIFY_MESSAGES.REASON, truncate(reason, 2000))
                .set(NOTIFY_MESSAGES.LEASE_UNTIL, (LocalDateTime) null));
    }

    /**
     * Makes the shop's messages held back for a reason ({@code QUIET_HOURS}, {@code CAPPED}) due now, after the shop
     * changed that rule: the next worker decides again with the new settings (and holds them again if need be).
     */
    public int release(String shopId, String reasonPrefix, String rule) {
        LocalDateTime now = now();
        return db.update(NOTIFY_MESSAGES)
                .set(NOTIFY_MESSAGES.NEXT_ATTEMPT_AT, now)
                .set(NOTIFY_MESSAGES.REASON, "RELEASED: the shop changed its " + rule)
                .where(NOTIFY_MESSAGES.SHOP_ID.eq(shopId).and(NOTIFY_MESSAGES.STATE.eq(PENDING))
                        .and(NOTIFY_MESSAGES.REASON.startsWith(reasonPrefix + ":"))
                        .and(NOTIFY_MESSAGES.NEXT_ATTEMPT_AT.gt(now)))
                .execute();
    }

    /** Puts a dead letter of the shop back in the queue; false when the shop has no such dead letter. */
    public boolean replay(String shopId, long id) {
        return db.update(NOTIFY_MESSAGES)
                .set(NOTIFY_MESSAGES.STATE, PENDING)
                .set(NOTIFY_MESSAGES.ATTEMPTS, 0)
                .set(NOTIFY_MESSAGES.NEXT_ATTEMPT_AT, now())
                .where(NOTIFY_MESSAGES.ID.eq(id).and(NOTIFY_MESSAGES.SHOP_ID.eq(shopId))
                        .and(NOTIFY_MESSAGES.STATE.eq(DEAD)))
                .execute() == 1;
    }

    /** Drops what is still queued for a recipient in a category (after an unsubscribe); joins the caller's transaction. */
    public int dropQueued(String shopId, RecipientKey recipient, String category, String reason) {
        return db.update(NOTIFY_MESSAGES)
                .set(NOTIFY_MESSAGES.STATE, DROPPED)
                .set(NOTIFY_MESSAGES.REASON, reason)
                .where(NOTIFY_MESSAGES.SHOP_ID.eq(shopId).and(NOTIFY_MESSAGES.RECIPIENT_KEY.eq(recipient.value()))
                        .and(NOTIFY_MESSAGES.CATEGORY.eq(category)).and(NOTIFY_MESSAGES.STATE.in(PENDING, RETRY)))
                .execute();
    }

    public Map<String, Integer> counts(String shopId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        STATES.forEach(state -> counts.put(state, 0));
        db.select(NOTIFY_MESSAGES.STATE, DSL.count()).from(NOTIFY_MESSAGES)
                .where(NOTIFY_MESSAGES.SHOP_ID.eq(shopId))
                .groupBy(NOTIFY_MESSAGES.STATE)
                .forEach(row -> counts.put(row.value1(), row.value2()));
        return counts;
    }

    /** The shop's messages in a state (all when null), newest first, before {@code beforeId} when given. */
    public List<NotifyMessagesRecord> list(String shopId, String state, Long beforeId, int limit) {
        Condition condition = NOTIFY_MESSAGES.SHOP_ID.eq(shopId)
                .and(state == null ? DSL.noCondition() : NOTIFY_MESSAGES.STATE.eq(state))
                .and(beforeId == null ? DSL.noCondition() : NOTIFY_MESSAGES.ID.lt(beforeId));
        return db.selectFrom(NOTIFY_MESSAGES).where(condition).orderBy(NOTIFY_MESSAGES.ID.desc()).limit(limit).fetch();
    }

    private boolean fenced(NotifyMessagesRecord row, String outcome,
                           UpdateSetMoreStep<NotifyMessagesRecord> update) {
        boolean updated = update.where(NOTIFY_MESSAGES.ID.eq(row.getId()).and(NOTIFY_MESSAGES.STATE.eq(SENDING))
                .and(NOTIFY_MESSAGES.ATTEMPTS.eq(row.getAttempts()))).execute() == 1;
        if (updated) {
            // feature ids are few (one per plugin): fine as a tag; shop ids are not (they are in the logs)
            meters.counter("aftersales.notify.outcomes", "feature", row.getFeatureId(), "outcome", outcome).increment();
        }
        return updated;
    }

    private LocalDateTime now() {
        return utc(clock.instant());
    }

    public static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    public static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
