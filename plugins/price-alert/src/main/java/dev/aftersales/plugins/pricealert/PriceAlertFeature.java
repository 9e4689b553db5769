package dev.aftersales.plugins.pricealert;

import dev.aftersales.api.Feature;
import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.FeatureDescriptor;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.events.CustomerDeleted;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The price-alert feature: a customer or a guest (by e-mail, with double opt-in) subscribes to a variant for "any
 * drop" or a target price and gets one mail per drop; a customer may also watch their wishlist's prices.
 *
 * <ul>
 *   <li>{@link Subscriptions} — subscribe, cancel, the wishlist toggle, and the consent events;</li>
 *   <li>{@link PriceDrops} — the {@code PriceChanged} listener that decides ({@link DropRule}) and enqueues;</li>
 *   <li>{@link WishlistCopy} — the local copy of wishlisted variants, from the wishlist feature's events;</li>
 *   <li>{@link PriceAlertFetchers} — the read side; {@link PriceAlertPrivacy} — GDPR export and erase;</li>
 *   <li>{@link PriceAlertRepository} — all SQL, always scoped to the shop.</li>
 * </ul>
 * Schema: {@code aftersales/price-alert/schema.graphqls}, operator report: {@code admin.graphqls}, mail template
 * {@code price-drop} under {@code templates}.
 */
@Extension
public class PriceAlertFeature implements Feature {

    /** The feature id: schema, migrations, templates, settings and enablement use it. */
    public static final String ID = "price-alert";

    private final Subscriptions subscriptions = new Subscriptions();
    private final PriceDrops drops = new PriceDrops();
    private final WishlistCopy wishlist = new WishlistCopy();
    private final PriceAlertFetchers fetchers = new PriceAlertFetchers();
    private final PriceAlertPrivacy privacy = new PriceAlertPrivacy();

    @Override
    public FeatureDescriptor descriptor() {
        return new FeatureDescriptor(ID, "Price alert",
                "Tells customers and guests when a variant gets cheaper (any drop or a target price), once per drop,"
                        + " and optionally about price drops of the items on a customer's wishlist.",
                PriceAlertSettings.SPEC);
    }

    @Override
    public void register(Wiring wiring) {
        subscriptions.register(wiring);
        drops.register(wiring);
        wishlist.register(wiring);
        fetchers.register(wiring);
        wiring.adminField("Shop", "priceAlertReport", call -> PriceAlertRepository.of(call.shop()).report());
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
