package dev.aftersales.testkit;

import dev.aftersales.api.Feature;
import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.FeatureDescriptor;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.settings.SettingsSpec;
import java.util.Map;

/** The feature of the {@link TestPlatform} connector plugin: no schema, no tables, nothing about customers. */
public final class TestPlatformFeature implements Feature {

    @Override
    public FeatureDescriptor descriptor() {
        return new FeatureDescriptor(TestPlatform.CONNECTOR_ID, "Testkit platform",
                "The shop platform of testkit tests, in the test's JVM.", SettingsSpec.none());
    }

    @Override
    public void register(Wiring wiring) {
    }

    @Override
    public Map<String, Object> export(FeatureContext shop, String customerId) {
        return Map.of();
    }

    @Override
    public void erase(FeatureContext shop, String customerId) {
    }
}
