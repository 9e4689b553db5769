package dev.aftersales.plugins.stockalert;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.catalog.Variant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job that sends alerts for due restocks, one batch per restock and run. Before every batch it re-reads the
 * variant from the host's mirror (outside any transaction): not purchasable or below the threshold closes the restock
 * and keeps the remaining subscribers queued for the next one. A batch alerts the oldest subscribers first, as many as
 * {@link StockAlertSettings#batchSize(int)} allows for the current stock, and marks them notified in the same
 * transaction that queues their alerts; the next batch follows after the batch interval.
 */
final class AlertBatches {

    static final String JOB = "send-alerts";
    static final Duration INTERVAL = Duration.ofMinutes(1);
    static final String EXPIRY_JOB = "expire-subscriptions";
    static final Duration EXPIRY_INTERVAL = Duration.ofHours(1);
    /** Notified and expired subscriptions are kept this long for the customer's list, then deleted. */
    static final Duration HISTORY = Duration.ofDays(30);
    /** Restocks handled per run, to keep one run bounded; the rest are due on the next run. */
    static final int RESTOCKS_PER_RUN = 50;

    private static final Logger LOG = LoggerFactory.getLogger(AlertBatches.class);

    void run(FeatureContext shop) {
        StockAlertSettings settings = StockAlertSettings.of(shop.settings());
        Instant now = shop.clock().instant();
        for (Restocks.Restock restock : Restocks.of(shop).due(now, RESTOCKS_PER_RUN)) {
            sendBatch(shop, settings, restock, now);
        }
    }

    private void sendBatch(FeatureContext shop, StockAlertSettings settings, Restocks.Restock restock, Instant now) {
        Optional<Variant> variant = shop.catalog().variant(restock.variantId());
        if (variant.isEmpty() || !variant.get().purchasable() || !settings.reached(variant.get().stock())) {
            Restocks.of(shop).close(restock.id(), Restocks.SOLD_OUT, now);
            LOG.info("Restock closed before batch: shop={} restock={} variant={} purchasable={} stock={}",
                    shop.shopId(), restock.id(), restock.variantId(), variant.map(Variant::purchasable).orElse(false),
                    variant.map(Variant::stock).orElse(0));
            return;
        }
        int batchSize = settings.batchSize(variant.get().stock());
        int sent = shop.db().transactionResult(tx -> {
            Subscriptions subscriptions = Subscriptions.in(tx, shop);
            List<StockAlert> batch = subscriptions.lockNextBatch(restock.variantId(), now, batchSize);
            shop.notifier().enqueueAll(batch.stream()
                    .map(alert -> AlertMessage.of(alert, restock.id(), variant.get(), now))
                    .toList());
            Restocks restocks = Restocks.in(tx, shop);
            if (!batch.isEmpty()) {
                subscriptions.markNotified(batch.stream().map(StockAlert::id).toList(), restock.id(), now);
                restocks.recordBatch(restock.id(), batch.size(), now.plus(settings.batchInterval()));
            }
            if (batch.size() < batchSize) {
                restocks.close(restock.id(), Restocks.DONE, now);
            }
            return batch.size();
        });
        LOG.info("Restock batch: shop={} restock={} variant={} stock={} batchSize={} alerted={}", shop.shopId(),
                restock.id(), restock.variantId(), variant.get().stock(), batchSize, sent);
    }

    /** Expires subscriptions past their time and deletes old finished ones. */
    void expire(FeatureContext shop) {
        Instant now = shop.clock().instant();
        shop.db().transaction(tx -> {
            Subscriptions subscriptions = Subscriptions.in(tx, shop);
            int expired = subscriptions.expire(now);
            int purged = subscriptions.purgeFinished(now.minus(HISTORY));
            Restocks.in(tx, shop).purgeClosed(now.minus(HISTORY));
            if (expired + purged > 0) {
                LOG.info("Stock alerts expired: shop={} expired={} purged={}", shop.shopId(), expired, purged);
            }
        });
    }
}
