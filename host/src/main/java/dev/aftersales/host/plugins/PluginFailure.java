package dev.aftersales.host.plugins;

import java.time.Instant;

/** A plugin jar the host could not load, with the reason an operator can act on. */
public record PluginFailure(String jar, String pluginId, String reason, Instant at) {
}
