package dev.aftersales.host.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background workers on virtual threads: each runs {@code drain} (do due work, return how much) until nothing is due,
 * then waits for {@link #wakeUp()} or the poll interval. A failing round (e.g. the database is away) is logged and
 * retried after the poll interval; the work stays stored. Used by the webhook inbox and the notification outbox.
 */
public final class WorkerPool {

    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);

    private final String name;
    private final int workers;
    private final Duration pollInterval;
    private final IntSupplier drain;
    private final Runnable housekeeping;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    /**
     * @param housekeeping runs before every round (cheap when nothing is due: callers rate-limit it themselves)
     */
    public WorkerPool(String name, int workers, Duration pollInterval, IntSupplier drain, Runnable housekeeping) {
        this.name = name;
        this.workers = workers;
        this.pollInterval = pollInterval;
        this.drain = drain;
        this.housekeeping = housekeeping;
    }

    public synchronized void start() {
        running = true;
        for (int i = 0; i < workers; i++) {
            threads.add(Thread.ofVirtual().name(name + "-" + i).start(this::loop));
        }
    }

    /** Stops the workers and waits (at most 10 s each) for the round they are in. */
    public synchronized void stop() {
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

    /** New work arrived: waiting workers start a round now. */
    public void wakeUp() {
        lock.lock();
        try {
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (running) {
            try {
                housekeeping.run();
                if (drain.getAsInt() == 0) {
                    sleep();
                }
            } catch (RuntimeException e) {
                log.error("{} failed; retrying after {}", name, pollInterval, e);
                sleep();
            }
        }
    }

    private void sleep() {
        lock.lock();
        try {
            work.await(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }
}
