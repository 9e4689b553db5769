package dev.aftersales.plugins.connectorrest;

import dev.aftersales.api.Feature;
import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.FeatureDescriptor;
import dev.aftersales.api.Wiring;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The connector-rest feature: what operators enable and configure (the platform's address, API key, timeouts,
 * retries and circuit breaker, see {@link ConnectorSettings}). The work is done by {@link RestConnector}, the
 * plugin's {@code Connector} extension. It adds no GraphQL fields and stores nothing, so export and erase have
 * nothing to do.
 */
@Extension
public class ConnectorRestFeature implements Feature {

    /** The feature and plugin id. */
    public static final String ID = "connector-rest";

    @Override
    public FeatureDescriptor descriptor() {
        return new FeatureDescriptor(ID, "REST connector",
                "Connects the shop to a platform that speaks the Aftersales JSON contract: signed webhooks in, "
                        + "carts and coupons out.",
                ConnectorSettings.SPEC);
    }

    @Override
    public void register(Wiring wiring) {
        // nothing to register: the host calls the connector extension directly
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
