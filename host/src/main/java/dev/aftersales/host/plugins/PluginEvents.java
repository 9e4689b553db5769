package dev.aftersales.host.plugins;

/** Spring application events the plugin runtime publishes, synchronously, to the host's own components. */
public final class PluginEvents {

    private PluginEvents() {
    }

    /** A plugin was loaded, migrated and registered; shops see it once they enable it. */
    public record PluginLoaded(LoadedPlugin plugin) {
    }

    /**
     * A plugin is leaving. Listeners stop handing it new work and return only when work already under way has
     * finished; the runtime unloads the plugin afterwards.
     */
    public record PluginRetiring(LoadedPlugin plugin) {
    }
}
