package dev.aftersales.host.plugins;

import java.util.Comparator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the plugin runtime: which plugins run and which jars failed, with the reason. A failed jar does not take
 * the instance out of service (the other features still work), so the status stays UP.
 */
@Component("plugins")
public class PluginsHealth implements HealthIndicator {

    private final PluginRuntime runtime;

    public PluginsHealth(PluginRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Health health() {
        return Health.up()
                .withDetail("loaded", runtime.plugins().stream().sorted(Comparator.comparing(LoadedPlugin::id))
                        .map(plugin -> plugin.id() + " " + plugin.version()).toList())
                .withDetail("failed", runtime.failures())
                .build();
    }
}
