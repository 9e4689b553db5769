package dev.aftersales.plugins.connectorrest;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.Links;
import dev.aftersales.api.catalog.Catalog;
import dev.aftersales.api.catalog.Orders;
import dev.aftersales.api.events.Events;
import dev.aftersales.api.platform.ShopPlatform;
import dev.aftersales.api.settings.Settings;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The connector's context for one shop as the host would give it: a fresh shop id, the connector's settings (the
 * declared defaults under the given values) and a clock. The connector needs nothing else of the host.
 */
final class StubFeatureContext implements FeatureContext {

    private final String shopId = "shop-" + UUID.randomUUID();
    private final Map<String, Object> settings;
    private final Clock clock;

    StubFeatureContext(Map<String, Object> settings, Clock clock) {
        this.settings = new HashMap<>(ConnectorSettings.SPEC.defaults());
        settings.forEach((key, value) -> {
            ConnectorSettings.SPEC.definition(key).orElseThrow(() -> new IllegalArgumentException("No setting " + key))
                    .problemWith(value).ifPresent(problem -> {
                        throw new IllegalArgumentException(key + " " + problem);
                    });
            this.settings.put(key, value);
        });
        this.clock = clock;
    }

    @Override
    public String shopId() {
        return shopId;
    }

    @Override
    public String featureId() {
        return ConnectorRestFeature.ID;
    }

    @Override
    public Settings settings() {
        return new Settings() {
            @Override
            public int integer(String key) {
                return (Integer) settings.get(key);
            }

            @Override
            public BigDecimal decimal(String key) {
                return (BigDecimal) settings.get(key);
            }

            @Override
            public boolean bool(String key) {
                return (Boolean) settings.get(key);
            }

            @Override
            public String string(String key) {
                return (String) settings.get(key);
            }
        };
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public DSLContext db() {
        throw new UnsupportedOperationException("the connector has no tables");
    }

    @Override
    public Catalog catalog() {
        throw new UnsupportedOperationException("the connector does not read the mirror");
    }

    @Override
    public Orders orders() {
        throw new UnsupportedOperationException("the connector does not read the mirror");
    }

    @Override
    public Links links() {
        throw new UnsupportedOperationException("the connector signs no links");
    }

    @Override
    public Events events() {
        throw new UnsupportedOperationException("the connector publishes no events");
    }

    @Override
    public ShopPlatform platform() {
        throw new UnsupportedOperationException("the connector is the platform");
    }
}
