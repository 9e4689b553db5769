package dev.aftersales.host.notify.outbox;

import dev.aftersales.host.jobs.WorkerPool;
import dev.aftersales.host.jooq.tables.records.NotifyMessagesRecord;
import dev.aftersales.host.notify.channels.DeliveryFailure;
import dev.aftersales.host.notify.consent.Consents;
import dev.aftersales.host.notify.settings.NotifyProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * <p>
 * A worker holds the leases of its whole batch until it has processed each message: a renewer extends them every
 * third of the lease, and a message whose lease was lost before its turn is left to the worker that took it over.
 * So a slow SMTP call never lets a second worker send the same message.
 */
@Component
public class OutboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final Outbox outbox;
    private final Delivery delivery;
    private final Consents consents;
    private final Clock clock;
    private final NotifyProperties properties;
    private final WorkerPool pool;
    private volatile boolean running;
    private volatile Instant nextHousekeeping = Instant.EPOCH;
    private final Set<Outbox.Lease> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService renewer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("notify-lease-renewer").factory());

    OutboxWorker(Outbox outbox, Delivery delivery, Consents consents, Clock clock, NotifyProperties properties) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.consents = consents;
        this.clock = clock;
        this.properties = properties;
        this.pool = new WorkerPool("notify-worker", properties.workers(), properties.pollInterval(), this::drain,
                this::housekeeping);
        long every = Math.max(100, properties.lease().toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
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
        pool.wakeUp();
    }

    /** Delivers every due message in this thread until none is left (tests, operators); returns how many. */
    public int drain() {
        int processed = 0;
        List<NotifyMessagesRecord> batch;
        while (!(batch = outbox.claim(properties.batchSize(), properties.lease())).isEmpty()) {
            List<Outbox.Lease> leases = batch.stream().map(Outbox.Lease::of).toList();
            held.addAll(leases);
            try {
                for (NotifyMessagesRecord row : batch) {
                    Outbox.Lease lease = Outbox.Lease.of(row);
                    // renewing is the fence: it fails when another worker took the message over meanwhile
                    if (outbox.renew(lease, properties.lease())) {
                        processSafely(row);
                    }
                    held.remove(lease);
                }
            } finally {
                leases.forEach(held::remove);
            }
            processed += batch.size();
        }
        return processed;
    }

    private void renewLeases() {
        for (Outbox.Lease lease : held) {
            try {
                outbox.renew(lease, properties.lease());
            } catch (RuntimeException e) {
                // the database is away: retried on the next round, and the lease is long enough to wait for it
                log.warn("Could not renew the lease of message {}", lease.id(), e);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        if (properties.enabled()) {
            pool.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        pool.stop();
        renewer.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
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

}
