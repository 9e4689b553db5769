package dev.aftersales.host.webhooks;

import static dev.aftersales.host.jooq.Tables.INBOX_EVENTS;

import dev.aftersales.host.data.ReadCommitted;
import dev.aftersales.host.jooq.tables.InboxEvents;
import dev.aftersales.host.jooq.tables.records.InboxEventsRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Webhook events stored once per shop and event id, and their processing state. Workers claim due events with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} and a lease, so several host instances share the work and an event whose
 * worker died is taken up again when its lease runs out. A shop's events are claimed only while none of them is being
 * processed, so they are applied in the order they arrived; other shops are never held up.
 */
@Component
public class Inbox {

    public static final String PENDING = "PENDING";
    public static final String PROCESSING = "PROCESSING";
    public static final String RETRY = "RETRY";
    public static final String DONE = "DONE";
    public static final String DEAD = "DEAD";
    private static final int STORE_ATTEMPTS = 3;

    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final DSLContext db;
    private final Clock clock;
    private final ReadCommitted readCommitted;

    public Inbox(DSLContext db, Clock clock, ReadCommitted readCommitted) {
        this.db = db;
        this.clock = clock;
        this.readCommitted = readCommitted;
    }

    /**
     * Stores an event unless the shop already has one with this id; true when it was new. One insert, tried again
     * when it loses a lock race (it never waits for a claim, but InnoDB may still pick it as a deadlock victim).
     */
    public boolean store(String shopId, String eventId, String type, Instant occurredAt, String body) {
        for (int attempt = 1; ; attempt++) {
            try {
                return insert(shopId, eventId, type, occurredAt, body);
            } catch (PessimisticLockingFailureException e) {
                if (attempt == STORE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private boolean insert(String shopId, String eventId, String type, Instant occurredAt, String body) {
        LocalDateTime now = now();
        return db.insertInto(INBOX_EVENTS)
                .set(INBOX_EVENTS.SHOP_ID, shopId)
                .set(INBOX_EVENTS.EVENT_ID, eventId)
                .set(INBOX_EVENTS.TYPE, type)
                .set(INBOX_EVENTS.OCCURRED_AT, utc(occurredAt))
                .set(INBOX_EVENTS.BODY, body)
                .set(INBOX_EVENTS.STATE, PENDING)
                .set(INBOX_EVENTS.NEXT_ATTEMPT_AT, now)
                .set(INBOX_EVENTS.RECEIVED_AT, now)
                .onDuplicateKeyIgnore()
                .execute() == 1;
    }

    /** Claims up to {@code limit} due events, oldest first, for this worker for the lease time. */
    public List<InboxEventsRecord> claim(int limit) {
        LocalDateTime now = now();
        return readCommitted.inTransaction(() -> {
            InboxEvents inFlight = INBOX_EVENTS.as("in_flight");
            List<InboxEventsRecord> due = db.selectFrom(INBOX_EVENTS)
                    .where(INBOX_EVENTS.STATE.in(PENDING, RETRY).and(INBOX_EVENTS.NEXT_ATTEMPT_AT.le(now))
                            .or(INBOX_EVENTS.STATE.eq(PROCESSING).and(INBOX_EVENTS.LEASE_UNTIL.lt(now))))
                    // one worker at a time per shop, so a shop's events are applied in the order they arrived
                    .andNotExists(DSL.selectOne().from(inFlight).where(inFlight.SHOP_ID.eq(INBOX_EVENTS.SHOP_ID)
                            .and(inFlight.STATE.eq(PROCESSING)).and(inFlight.LEASE_UNTIL.ge(now))))
                    .orderBy(INBOX_EVENTS.ID)
                    .limit(limit)
                    .forUpdate().skipLocked()
                    .fetch();
            if (!due.isEmpty()) {
                db.update(INBOX_EVENTS)
                        .set(INBOX_EVENTS.STATE, PROCESSING)
                        .set(INBOX_EVENTS.LEASE_UNTIL, now.plus(LEASE))
                        .set(INBOX_EVENTS.ATTEMPTS, INBOX_EVENTS.ATTEMPTS.plus(1))
                        .where(INBOX_EVENTS.ID.in(due.stream().map(InboxEventsRecord::getId).toList()))
                        .execute();
                due.forEach(row -> row.setAttempts(row.getAttempts() + 1)); // this attempt counts
            }
            return due;
        });
    }

    public void done(long id) {
        db.update(INBOX_EVENTS)
                .set(INBOX_EVENTS.STATE, DONE)
                .set(INBOX_EVENTS.PROCESSED_AT, now())
                .set(INBOX_EVENTS.LEASE_UNTIL, (LocalDateTime) null)
                .set(INBOX_EVENTS.LAST_ERROR, (String) null)
                .where(INBOX_EVENTS.ID.eq(id))
                .execute();
    }

    /**
     * Done, and the delivery forgets what it said: a customer deletion's own row, once every part of the host and
     * every plugin erased the customer (its event id stays, so a redelivery is still a duplicate).
     */
    public void doneAndForgotten(long id) {
        db.update(INBOX_EVENTS)
                .set(INBOX_EVENTS.STATE, DONE)
                .set(INBOX_EVENTS.PROCESSED_AT, now())
                .set(INBOX_EVENTS.LEASE_UNTIL, (LocalDateTime) null)
                .set(INBOX_EVENTS.LAST_ERROR, (String) null)
                .set(INBOX_EVENTS.BODY, InboxCustomerData.ERASED_BODY)
                .set(INBOX_EVENTS.DERIVED_EVENTS, (String) null)
                .where(INBOX_EVENTS.ID.eq(id))
                .execute();
    }

    /** Records what was derived so far, so a retry delivers only to the plugins that failed. */
    public void retry(long id, Instant nextAttempt, String error, String derivedEvents, String pendingPlugins) {
        db.update(INBOX_EVENTS)
                .set(INBOX_EVENTS.STATE, RETRY)
                .set(INBOX_EVENTS.NEXT_ATTEMPT_AT, utc(nextAttempt))
                .set(INBOX_EVENTS.LEASE_UNTIL, (LocalDateTime) null)
                .set(INBOX_EVENTS.LAST_ERROR, truncate(error))
                .set(INBOX_EVENTS.DERIVED_EVENTS, derivedEvents)
                .set(INBOX_EVENTS.PENDING_PLUGINS, pendingPlugins)
                .where(INBOX_EVENTS.ID.eq(id))
                .execute();
    }

    public void dead(long id, String reason, String derivedEvents, String pendingPlugins) {
        log.warn("Inbox event {} is a dead letter: {}", id, reason);
        db.update(INBOX_EVENTS)
                .set(INBOX_EVENTS.STATE, DEAD)
                .set(INBOX_EVENTS.PROCESSED_AT, now())
                .set(INBOX_EVENTS.LEASE_UNTIL, (LocalDateTime) null)
                .set(INBOX_EVENTS.LAST_ERROR, truncate(reason))
                .set(INBOX_EVENTS.DERIVED_EVENTS, derivedEvents)
                .set(INBOX_EVENTS.PENDING_PLUGINS, pendingPlugins)
                .where(INBOX_EVENTS.ID.eq(id))
                .execute();
    }

    /** Puts a dead letter of the shop back in the queue; false when the shop has no such dead letter. */
    public boolean replay(String shopId, long id) {
        return db.update(INBOX_EVENTS)
                .set(INBOX_EVENTS.STATE, PENDING)
                .set(INBOX_EVENTS.ATTEMPTS, 0)
                .set(INBOX_EVENTS.NEXT_ATTEMPT_AT, now())
                .where(INBOX_EVENTS.ID.eq(id).and(INBOX_EVENTS.SHOP_ID.eq(shopId)).and(INBOX_EVENTS.STATE.eq(DEAD)))
                .execute() == 1;
    }

    /** How many events the shop has in each state. */
    public Map<String, Integer> counts(String shopId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String state : List.of(PENDING, PROCESSING, RETRY, DONE, DEAD)) {
            counts.put(state, 0);
        }
        db.select(INBOX_EVENTS.STATE, DSL.count()).from(INBOX_EVENTS)
                .where(INBOX_EVENTS.SHOP_ID.eq(shopId))
                .groupBy(INBOX_EVENTS.STATE)
                .forEach(row -> counts.put(row.value1(), row.value2()));
        return counts;
    }

    /** The shop's dead letters, newest first, after the id {@code beforeId} (exclusive) when given. */
    public List<InboxEventsRecord> deadLetters(String shopId, Long beforeId, int limit) {
        return db.selectFrom(INBOX_EVENTS)
                .where(INBOX_EVENTS.SHOP_ID.eq(shopId).and(INBOX_EVENTS.STATE.eq(DEAD))
                        .and(beforeId == null ? DSL.noCondition() : INBOX_EVENTS.ID.lt(beforeId)))
                .orderBy(INBOX_EVENTS.ID.desc())
                .limit(limit)
                .fetch();
    }

    /** Forgets processed events older than the replay window (30 days); their ids may then be sent again. */
    public int purgeDone(Duration keep) {
        return db.deleteFrom(INBOX_EVENTS)
                .where(INBOX_EVENTS.STATE.eq(DONE).and(INBOX_EVENTS.RECEIVED_AT.lt(utc(clock.instant().minus(keep)))))
                .limit(10_000)
                .execute();
    }

    private LocalDateTime now() {
        return utc(clock.instant());
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
