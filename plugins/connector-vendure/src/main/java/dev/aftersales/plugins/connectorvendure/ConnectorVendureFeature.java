package dev.aftersales.plugins.connectorvendure;

import dev.aftersales.api.Feature;
import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.FeatureDescriptor;
import dev.aftersales.api.Wiring;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The connector-vendure feature: what operators enable and configure for a Vendure shop (Admin API address and key,
 * storefront links, timeouts, retries, circuit breaker; see {@link VendureSettings}) and the operator's initial
 * import ({@link InitialSync}). The connector's work is done by {@link VendureConnector}. It stores nothing, so export
 * and erase have nothing to do.
 */
@Extension
public class ConnectorVendureFeature implements Feature {

    /** The feature and plugin id. */
    public static final String ID = "connector-vendure";

    @Override
    public FeatureDescriptor descriptor() {
        return new FeatureDescriptor(ID, "Vendure connector",
                "Connects the shop to a Vendure 3 shop with the Aftersales Vendure plugin: its events in, carts in the "
                        + "customer's active order and coupons as Vendure promotions out.",
                VendureSettings.SPEC);
    }

    @Override
    public void register(Wiring wiring) {
        // carts, coupons and fetches: the host calls the connector extension directly
        InitialSync sync = new InitialSync(new AdminApi());
        wiring.adminField("Mutation", "vendureInitialSyncStart", sync::start);
        wiring.adminField("Shop", "vendureInitialSync", sync::progress);
    }

    @Override
    public Map<String, Object> export(FeatureContext shop, String customerId) {
        return Map.of();
    }

    @Override
    public void erase(FeatureContext shop, String customerId) {
        // stores nothing about customers
    }
}
