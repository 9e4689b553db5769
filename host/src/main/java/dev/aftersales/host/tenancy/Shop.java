package dev.aftersales.host.tenancy;

import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A shop's configuration as of {@code version}: identity settings and, per plugin, whether it is enabled and the
 * operator's setting values (without defaults).
 */
public record Shop(String id, String name, String jwtIssuer, String jwksUrl, long version,
                   Map<String, PluginState> plugins) {

    public Shop {
        plugins = Map.copyOf(plugins);
    }

    /** Ids of the plugins the operator enabled, sorted (the key of the shop's schema). */
    public SortedSet<String> enabledPluginIds() {
        TreeSet<String> ids = new TreeSet<>();
        plugins.forEach((id, state) -> {
            if (state.enabled()) {
                ids.add(id);
            }
        });
        return ids;
    }

    public boolean isEnabled(String pluginId) {
        PluginState state = plugins.get(pluginId);
        return state != null && state.enabled();
    }

    public Map<String, Object> settingValues(String pluginId) {
        return Optional.ofNullable(plugins.get(pluginId)).map(PluginState::settings).orElse(Map.of());
    }

    /** Whether customers of this shop can sign in (a JWKS is configured). */
    public boolean acceptsCustomerTokens() {
        return jwksUrl != null && !jwksUrl.isBlank() && jwtIssuer != null && !jwtIssuer.isBlank();
    }

    public record PluginState(boolean enabled, Map<String, Object> settings) {

        public PluginState {
            settings = Map.copyOf(settings);
        }
    }
}
