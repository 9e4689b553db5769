package dev.aftersales.plugins.replenishment;

import dev.aftersales.api.Feature;
import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.FeatureDescriptor;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.events.CustomerDeleted;
import dev.aftersales.api.events.OrderPlaced;
import dev.aftersales.api.events.OrderReturned;
import dev.aftersales.api.jobs.Schedule;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Replenishment reminders: the operator says which products or variants are consumables and how many days one unit
 * lasts; orders keep a due table per customer and variant up to date (learning each customer's own interval and, with
 * enough repeat buyers, the shop's); once a day one mail per customer lists everything that runs out soon, with one
 * link that makes a cart of it at the shop's checkout.
 * <ul>
 *   <li>{@link OrderEvents}, {@link ItemTiming}, {@link ShopMedians}, {@link Timing} — the due table;</li>
 *   <li>{@link DueScan} — the daily mail; {@link MailLinks}, {@link BuyAgain} — the mail's links;</li>
 *   <li>{@link ReplenishmentFetchers}, {@link CustomerChoices} — the storefront; {@link ReplenishmentAdmin} — operators;</li>
 *   <li>{@link Items}, {@link Usage}, {@link Reminders} — all SQL, always scoped to the shop.</li>
 * </ul>
 */
@Extension
public class ReplenishmentFeature implements Feature {

    /** The feature id: schema, migrations, templates, links and the table prefix ({@code replenishment_}) use it. */
    public static final String ID = "replenishment";

    private final OrderEvents orders = new OrderEvents();
    private final DueScan scan = new DueScan();
    private final ReplenishmentFetchers fetchers = new ReplenishmentFetchers();
    private final ReplenishmentAdmin admin = new ReplenishmentAdmin();
    private final ReplenishmentPrivacy privacy = new ReplenishmentPrivacy();

    @Override
    public FeatureDescriptor descriptor() {
        return new FeatureDescriptor(ID, "Replenishment reminders",
                "Reminds customers before a consumable runs out, one mail per customer, one click to buy again.",
                ReplenishmentSettings.SPEC);
    }

    @Override
    public void register(Wiring wiring) {
        fetchers.register(wiring);
        admin.register(wiring);
        new MailLinks().register(wiring, new BuyAgain());
        wiring.listen(OrderPlaced.class, orders::onPlaced);
        wiring.listen(OrderReturned.class, orders::onReturned);
        wiring.listen(CustomerDeleted.class, (shop, event) -> privacy.erase(shop, event.customerId()));
        wiring.job(DueScan.JOB, Schedule.dailyAt(DueScan.SEND_TIME), scan::run);
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
