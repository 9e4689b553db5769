package dev.aftersales.host.plugins;

/** A plugin jar that cannot be loaded, with a reason an operator can act on. */
public class PluginLoadException extends RuntimeException {

    /** The operator API's userError code for a jar that is not a readable plugin jar at all. */
    public static final String INVALID_JAR = "INVALID_JAR";
    /** The operator API's userError code for a readable plugin the host refuses (API version, conflicts, ...). */
    public static final String REFUSED = "PLUGIN_REFUSED";

    private final String pluginId;
    private final String code;

    public PluginLoadException(String pluginId, String reason, Throwable cause) {
        this(pluginId, REFUSED, reason, cause);
    }

    public PluginLoadException(String pluginId, String reason) {
        this(pluginId, reason, null);
    }

    private PluginLoadException(String pluginId, String code, String reason, Throwable cause) {
        super(reason, cause);
        this.pluginId = pluginId;
        this.code = code;
    }

    /** A file that is no plugin jar: not a zip, no manifest, or a manifest without the plugin entries. */
    public static PluginLoadException invalidJar(String reason, Throwable cause) {
        return new PluginLoadException(null, INVALID_JAR, reason, cause);
    }

    /** The plugin's id when the manifest could be read, else null. */
    public String pluginId() {
        return pluginId;
    }

    /** {@link #INVALID_JAR} or {@link #REFUSED}. */
    public String code() {
        return code;
    }
}
