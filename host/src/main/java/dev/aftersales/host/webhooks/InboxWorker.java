package dev.aftersales.host.webhooks;

import dev.aftersales.host.jobs.WorkerPool;
import dev.aftersales.host.jooq.tables.records.InboxEventsRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Background workers (virtual threads) that claim due inbox events and process them. A new webhook wakes them at
 * once; otherwise they look every {@code aftersales.inbox.poll-interval}. Processed events are forgotten after 30 days.
 */
@Component
public class InboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);
    private static final int BATCH = 50;
    private static final Duration REPLAY_WINDOW = Duration.ofDays(30);

    private final Inbox inbox;
    private final InboxProcessor processor;
    private final Clock clock;
    private final boolean enabled;
    private final WorkerPool pool;
    private volatile boolean running;
    private volatile Instant nextPurge = Instant.EPOCH;

    public InboxWorker(Inbox inbox, InboxProcessor processor, Clock clock,
                       @Value("${aftersales.inbox.enabled:true}") boolean enabled,
                       @Value("${aftersales.inbox.workers:2}") int workers,
                       @Value("${aftersales.inbox.poll-interval:500ms}") Duration pollInterval) {
        this.inbox = inbox;
        this.processor = processor;
        this.clock = clock;
        this.enabled = enabled;
        this.pool = new WorkerPool("inbox-worker", workers, pollInterval, this::drain, this::purgeNow);
    }

    /** Called after a webhook was stored: process it now rather than at the next poll. */
    public void wakeUp() {
        pool.wakeUp();
    }

    /** Processes every due event until none is left (tests and operators); returns how many were processed. */
    public int drain() {
        int processed = 0;
        List<InboxEventsRecord> batch;
        while (!(batch = inbox.claim(BATCH)).isEmpty()) {
            batch.forEach(this::processSafely);
            processed += batch.size();
        }
        return processed;
    }

    @Override
    public void start() {
        running = true;
        if (enabled) {
            pool.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        pool.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void processSafely(InboxEventsRecord row) {
        try {
            processor.process(row);
        } catch (RuntimeException e) {
            try {
                processor.failed(row, e);
            } catch (RuntimeException stillFailing) {
                // the database is away: the lease runs out and the event is claimed again; nothing is lost
                e.addSuppressed(stillFailing);
            }
            log.error("Processing inbox event {} of shop {} failed", row.getEventId(), row.getShopId(), e);
        }
    }

    private void purgeNow() {
        Instant now = clock.instant();
        if (now.isAfter(nextPurge)) {
            nextPurge = now.plus(Duration.ofHours(1));
            inbox.purgeDone(REPLAY_WINDOW);
        }
    }

}
