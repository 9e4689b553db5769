package dev.aftersales.host.notify;

import dev.aftersales.host.jooq.tables.records.NotifyMessagesRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Delivery workers (virtual threads): each claims a small batch of due messages, delivers them outside any
 * transaction and records the outcome, until none is due; then it waits for a wake-up (a committed enqueue) or the
 * poll interval. Once a minute one of them also expires unconfirmed double opt-ins.
 */
@Component
public class OutboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final Outbox outbox;
    private final Delivery delivery;
    private final Consents consents;
    private final Clock clock;
    private final NotifyProperties properties;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private volatile Instant nextHousekeeping = Instant.EPOCH;

    OutboxWorker(Outbox outbox, Delivery delivery, Consents consents, Clock clock, NotifyProperties properties) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.consents = consents;
        this.clock = clock;
        this.properties = properties;
    }

    /** Wakes the workers now, or after the current transaction commits when one is active. */
    public void wakeUpAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeUp();
                }
            });
        } else {
            wakeUp();
        }
    }

    public void wakeUp() {
        lock.lock();
        try {
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Delivers every due message in this thread until none is left (tests, operators); returns how many. */
    public int drain() {
        int processed = 0;
        List<NotifyMessagesRecord> batch;
        while (!(batch = outbox.claim(properties.batchSize(), properties.lease())).isEmpty()) {
            batch.forEach(this::processSafely);
            processed += batch.size();
        }
        return processed;
    }

    @Override
    public void start() {
        running = true;
        if (!properties.enabled()) {
            return;
        }
        for (int i = 0; i < properties.workers(); i++) {
            threads.add(Thread.ofVirtual().name("notify-worker-" + i).start(this::loop));
        }
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                housekeeping();
                if (drain() == 0) {
                    sleep();
                }
            } catch (RuntimeException e) {
                // the database may be away: wait and try again; messages stay stored, leases run out
                log.error("Notification worker failed; retrying after {}", properties.pollInterval(), e);
                sleep();
            }
        }
    }

    private void processSafely(NotifyMessagesRecord row) {
        try {
            delivery.process(row);
        } catch (RuntimeException e) {
            log.error("Delivering message {} of shop {} failed", row.getMessageKey(), row.getShopId(), e);
            try {
                delivery.failed(row, new DeliveryFailure("Unexpected failure: " + e, true, e));
            } catch (RuntimeException stillFailing) {
                // the database is away: the lease runs out and the message is claimed again; nothing is lost
                log.error("Could not record the failure of message {}", row.getMessageKey(), stillFailing);
            }
        }
    }

    private void housekeeping() {
        Instant now = clock.instant();
        if (now.isAfter(nextHousekeeping)) {
            nextHousekeeping = now.plus(Duration.ofMinutes(1));
            int expired = consents.expire(500);
            if (expired > 0) {
                log.info("{} unconfirmed double opt-in requests expired", expired);
            }
        }
    }

    private void sleep() {
        lock.lock();
        try {
            work.await(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }
}
