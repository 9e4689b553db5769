package dev.aftersales.host.plugins;

import dev.aftersales.api.Feature;
import dev.aftersales.api.FeatureDescriptor;
import dev.aftersales.api.platform.Connector;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * A plugin the host loaded, started and migrated: its single feature, the schema fragment it adds and what it
 * registered, the tables its migrations created, and its connector to a shop platform if it is one. {@code generation} changes on every load, so an upgraded plugin never reuses an old cached schema.
 */
public record LoadedPlugin(String id, String version, String requires, Path jar, Feature feature, FeatureDescriptor descriptor,
                           String schemaFragment, String adminFragment, SchemaContribution contribution,
                           FeatureWiring wiring,
                           Set<String> tables, Optional<Connector> connector, ClassLoader classLoader,
                           long generation) {

    /** The key of this plugin in a schema cache: id and generation. */
    public String cacheKey() {
        return id + "#" + generation;
    }
}
