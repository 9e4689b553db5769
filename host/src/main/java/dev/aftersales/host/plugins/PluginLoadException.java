package dev.aftersales.host.plugins;

/** A plugin jar that cannot be loaded, with a reason an operator can act on. */
public class PluginLoadException extends RuntimeException {

    private final String pluginId;

    public PluginLoadException(String pluginId, String reason, Throwable cause) {
        super(reason, cause);
        this.pluginId = pluginId;
    }

    public PluginLoadException(String pluginId, String reason) {
        this(pluginId, reason, null);
    }

    /** The plugin's id when the manifest could be read, else null. */
    public String pluginId() {
        return pluginId;
    }
}
