package dev.aftersales.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this plugin API. The host refuses a plugin whose {@code Plugin-Requires} does not accept it.
 *
 * <pre>{@code
 * Plugin-Requires: >=1.0.0 & <2.0.0
 * }</pre>
 */
public final class PluginApi {

    /** Semantic version of the plugin API, e.g. {@code 1.0.0}. */
    public static final String VERSION = readVersion();

    private PluginApi() {
    }

    private static String readVersion() {
        try (InputStream in = PluginApi.class.getResourceAsStream("plugin-api.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("plugin-api.properties is missing from the plugin API jar", e));
        }
    }
}
