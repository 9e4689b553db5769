package dev.aftersales.plugins.stockalert;

import dev.aftersales.api.Feature;
import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.FeatureDescriptor;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.events.CustomerDeleted;
import dev.aftersales.api.events.StockChanged;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Back-in-stock alerts: customers and guests (double opt-in) subscribe to a variant that is out of stock; when it
 * comes back, subscribers are alerted oldest first in batches sized to the stock, so a restock of 5 does not mail
 * 10,000 people at once.
 * <ul>
 *   <li>{@link StockAlertSubscribing} — subscribe, cancel, and the consent events;</li>
 *   <li>{@link StockAlertFetchers} — {@code Customer.stockAlerts};</li>
 *   <li>{@link RestockDetection} — stock changes into restocks; {@link AlertBatches} — the batches and expiry;</li>
 *   <li>{@link StockAlertReports} — demand for operators; {@link StockAlertPrivacy} — GDPR export and erase;</li>
 *   <li>{@link Subscriptions}, {@link Restocks} — all SQL, always scoped to the shop.</li>
 * </ul>
 */
@Extension
public class StockAlertFeature implements Feature {

    /** The feature id: schema, migrations, templates, table prefix ({@code stock_alert_}) and settings use it. */
    public static final String ID = "stock-alert";

    private final StockAlertSubscribing subscribing = new StockAlertSubscribing();
    private final StockAlertFetchers fetchers = new StockAlertFetchers();
    private final RestockDetection detection = new RestockDetection();
    private final AlertBatches batches = new AlertBatches();
    private final StockAlertReports reports = new StockAlertReports();
    private final StockAlertPrivacy privacy = new StockAlertPrivacy();

    @Override
    public FeatureDescriptor descriptor() {
        return new FeatureDescriptor(ID, "Back-in-stock alerts",
                "Customers and guests subscribe to an out-of-stock variant and are alerted in batches when it is back.",
                StockAlertSettings.SPEC);
    }

    @Override
    public void register(Wiring wiring) {
        subscribing.register(wiring);
        fetchers.register(wiring);
        reports.register(wiring);
        wiring.listen(StockChanged.class, detection::onStockChanged);
        wiring.job(AlertBatches.JOB, AlertBatches.INTERVAL, batches::run);
        wiring.job(AlertBatches.EXPIRY_JOB, AlertBatches.EXPIRY_INTERVAL, batches::expire);
        wiring.listen(CustomerDeleted.class, (shop, event) -> privacy.erase(shop, event.customerId()));
    }

    @Override
    public Map<String, Object> export(FeatureContext shop, String customerId) {
        return privacy.export(shop, customerId);
    }

    @Override
    public void erase(FeatureContext shop, String customerId) {
        privacy.erase(shop, customerId);
    }
}
