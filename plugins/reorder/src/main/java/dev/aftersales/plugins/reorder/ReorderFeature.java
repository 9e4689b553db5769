package dev.aftersales.plugins.reorder;

import dev.aftersales.api.Feature;
import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.FeatureDescriptor;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.catalog.Catalog;
import dev.aftersales.api.platform.Cart;
import dev.aftersales.api.platform.CartLine;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The reorder feature: one-click reorder of a past order, a preview of it with substitutes, and "buy again" from the
 * order history. Carts are made on the shop platform through the shop's connector.
 *
 * <ul>
 *   <li>{@link Reorders} — {@code orderReorder} and {@code orderReorderPreview}, deciding per line with
 *       {@link ReorderPlan} and suggesting with {@link Substitutes};</li>
 *   <li>{@link BuyAgain} — {@code Customer.buyAgain}, ranked by {@link BuyAgainRanking}, and {@code buyAgainAdd},
 *       choosing lines with {@link CartSelection};</li>
 *   <li>{@link PlatformCarts} — the platform call and its failure as {@code PLATFORM_UNAVAILABLE}.</li>
 * </ul>
 * The feature stores nothing: no tables, so GDPR export is empty and erase has nothing to do. The GraphQL schema is
 * {@code aftersales/reorder/schema.graphqls}.
 */
@Extension
public class ReorderFeature implements Feature {

    /** The feature id: schema location, settings and enablement use it. */
    public static final String ID = "reorder";

    private final Reorders reorders = new Reorders();
    private final BuyAgain buyAgain = new BuyAgain();

    @Override
    public FeatureDescriptor descriptor() {
        return new FeatureDescriptor(ID, "Reorder",
                "One-click reorder of a past order with a per-line report, a preview with substitutes, and buy-again"
                        + " from the order history.",
                ReorderSettings.SPEC);
    }

    @Override
    public void register(Wiring wiring) {
        reorders.register(wiring);
        buyAgain.register(wiring);
        // the platform's Cart and CartLine are the sources of ReorderCart and ReorderCartLine
        wiring.field("ReorderCart", "id", call -> call.<Cart>source().cartId());
        wiring.field("ReorderCartLine", "variant",
                call -> call.load(Catalog.VARIANT_LOADER, call.<CartLine>source().variantId()));
    }

    /** Nothing is stored about anyone. */
    @Override
    public Map<String, Object> export(FeatureContext shop, String customerId) {
        return Map.of();
    }

    /** Nothing is stored about anyone. */
    @Override
    public void erase(FeatureContext shop, String customerId) {
    }
}
