package dev.aftersales.plugins.stockalert;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.events.StockChanged;
import java.time.Instant;

/**
 * Turns stock changes into restocks. Stock rising to the threshold opens a restock whose first batch waits for the
 * trigger delay; stock falling below it closes the variant's open restock, so stock that flaps (5, 0, 5 within
 * minutes) mails nobody until it has stayed up for the whole delay. The batch job re-checks the stock anyway: an event
 * may be missed or arrive late.
 */
final class RestockDetection {

    void onStockChanged(FeatureContext shop, StockChanged event) {
        StockAlertSettings settings = StockAlertSettings.of(shop.settings());
        Instant now = shop.clock().instant();
        boolean reached = settings.reached(event.newStock());
        boolean wasReached = settings.reached(event.oldStock());
        if (reached && !wasReached) {
            // most restocks concern variants nobody waits for: keep them out of the table
            if (Subscriptions.of(shop).hasActive(event.variantId(), now)) {
                opened(shop, event.variantId(), now, now.plus(settings.triggerDelay()));
            }
        } else if (!reached && wasReached) {
            Restocks.of(shop).closeOpenOf(event.variantId(), Restocks.SOLD_OUT, now);
        }
    }

    /** Opens a restock of the variant unless one is open; the first batch goes out at {@code firstBatchAt}. */
    static void opened(FeatureContext shop, String variantId, Instant now, Instant firstBatchAt) {
        shop.db().transaction(tx -> {
            Restocks restocks = Restocks.in(tx, shop);
            if (restocks.openOf(variantId).isEmpty()) {
                restocks.open(variantId, now, firstBatchAt);
            }
        });
    }
}
