package dev.aftersales.plugins.winback;

import dev.aftersales.api.Feature;
import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.FeatureDescriptor;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.events.ConsentRevoked;
import dev.aftersales.api.events.CustomerDeleted;
import dev.aftersales.api.events.OrderPlaced;
import dev.aftersales.api.notify.Category;
import dev.aftersales.plugins.winback.jooq.tables.records.WinBackSequencesRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Win-back: customers who stopped ordering ({@link LapseRule}) get a reminder, then an offer with a personal coupon
 * ({@link WinBackJob}); a sequence stops when the customer orders, unsubscribes from marketing or the coupon expires,
 * and a customer gets another one only after the cooldown. The operator API shows the funnel and each customer's
 * sequences ({@link WinBackAdmin}); the host's holdout groups and lift report measure what it really adds.
 */
@Extension
public class WinBackFeature implements Feature {

    public static final String ID = "win-back";

    private final WinBackJob job = new WinBackJob();
    private final WinBackAdmin admin = new WinBackAdmin();

    @Override
    public FeatureDescriptor descriptor() {
        return new FeatureDescriptor(ID, "Win-back",
                "Wins back customers who stopped ordering: a reminder, then an offer with a personal coupon.",
                WinBackSettings.SPEC);
    }

    @Override
    public void register(Wiring wiring) {
        admin.register(wiring);
        wiring.job(WinBackJob.NAME, WinBackJob.INTERVAL, job::run);
        wiring.listen(OrderPlaced.class, WinBackFeature::ordered);
        wiring.listen(ConsentRevoked.class, (shop, event) -> {
            if (event.category() == Category.MARKETING && event.recipient().customerId() != null) {
                Sequences.of(shop).unsubscribed(event.recipient().customerId(), shop.clock().instant());
            }
        });
        wiring.listen(CustomerDeleted.class, (shop, event) -> erase(shop, event.customerId()));
    }

    /** An order ends the customer's running sequence as reactivated; a repeated event finds none left. */
    private static void ordered(FeatureContext shop, OrderPlaced event) {
        Optional<Order> order = shop.orders().order(event.orderId());
        if (order.isEmpty() || order.get().customerId() == null) {
            return;
        }
        Sequences.of(shop).reactivated(order.get().customerId(), order.get().id(), order.get().placedAt(),
                order.get().total().amount(), order.get().total().currency());
    }

    @Override
    public Map<String, Object> export(FeatureContext shop, String customerId) {
        List<Map<String, Object>> sequences = Sequences.of(shop).ofCustomer(customerId).stream()
                .map(WinBackFeature::exported).toList();
        return sequences.isEmpty() ? Map.of() : Map.of("sequences", sequences);
    }

    @Override
    public void erase(FeatureContext shop, String customerId) {
        Sequences.of(shop).erase(customerId);
    }

    private static Map<String, Object> exported(WinBackSequencesRecord row) {
        Map<String, Object> map = new LinkedHashMap<>(WinBackAdmin.view(row));
        map.remove("customerId");
        return map;
    }
}
