package dev.aftersales.host.plugins;

import dev.aftersales.api.PluginApi;
import java.nio.file.Path;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginWrapper;

/**
 * PF4J's plugin manager, told the plugin-API version plugins are checked against. Plugins are loaded one jar at a
 * time by {@link PluginRuntime}, which records why a jar failed.
 */
class HostPluginManager extends DefaultPluginManager {

    HostPluginManager(Path pluginsDir) {
        super(pluginsDir);
        setSystemVersion(PluginApi.VERSION);
    }

    /** PF4J 3.15's stopPlugins() throws ConcurrentModificationException (pf4j#656): stop them one by one. */
    @Override
    public void stopPlugins() {
        for (PluginWrapper plugin : getStartedPlugins().reversed()) {
            stopPlugin(plugin.getPluginId());
        }
    }
}
