package dev.aftersales.host.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aftersales.host.plugins.LoadedPlugin;
import dev.aftersales.host.plugins.PluginEvents;
import dev.aftersales.host.plugins.PluginRuntime;
import dev.aftersales.host.tenancy.Shop;
import graphql.GraphQL;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The storefront schema of each shop: exactly the plugins the shop enabled and the host has loaded. Schemas are
 * cached per set of plugins (shops with the same set share one) and dropped when one of their plugins leaves.
 */
@Component
public class ShopSchemas {

    private static final Logger log = LoggerFactory.getLogger(ShopSchemas.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private final PluginRuntime plugins;
    private final SchemaAssembler assembler;
    private final GraphQlExecutionSetup setup;
    private final Cache<String, ShopSchema> schemas = Caffeine.newBuilder().maximumSize(256).build();

    public ShopSchemas(PluginRuntime plugins, SchemaAssembler assembler, GraphQlExecutionSetup setup) {
        this.plugins = plugins;
        this.assembler = assembler;
        this.setup = setup;
    }

    /** The shop's schema, registered for one request; call {@link ShopSchema#release()} when it finished. */
    ShopSchema acquire(Shop shop) {
        // never between two versions of an upgrading plugin: the old set or the new one
        return plugins.stable(() -> acquireLoaded(shop));
    }

    private ShopSchema acquireLoaded(Shop shop) {
        while (true) {
            List<LoadedPlugin> enabled = plugins.plugins().stream()
                    .filter(plugin -> shop.isEnabled(plugin.id()))
                    .sorted(Comparator.comparing(LoadedPlugin::id))
                    .toList();
            String key = enabled.stream().map(LoadedPlugin::cacheKey).collect(Collectors.joining(","));
            ShopSchema schema = schemas.get(key, k -> build(enabled));
            if (schema.acquire()) {
                return schema;
            }
            schemas.asMap().remove(key, schema); // retired between lookup and acquire: build anew
        }
    }

    private ShopSchema build(List<LoadedPlugin> enabled) {
        long started = System.nanoTime();
        GraphQL graphQL = setup.configure(GraphQL.newGraphQL(assembler.assemble(enabled))).build();
        log.debug("Built schema for {} in {} ms", enabled.stream().map(LoadedPlugin::id).toList(),
                (System.nanoTime() - started) / 1_000_000);
        return new ShopSchema(graphQL, enabled);
    }

    /** Stops serving a leaving plugin and waits for the requests that still use it. */
    @EventListener
    public void onPluginRetiring(PluginEvents.PluginRetiring event) throws InterruptedException {
        String pluginId = event.plugin().id();
        for (var entry : List.copyOf(schemas.asMap().entrySet())) {
            if (entry.getValue().contains(pluginId)) {
                schemas.asMap().remove(entry.getKey(), entry.getValue());
                if (!entry.getValue().retireAndAwait(DRAIN_TIMEOUT)) {
                    log.warn("Requests on plugin {} still running after {}; unloading it anyway", pluginId,
                            DRAIN_TIMEOUT);
                }
            }
        }
    }
}
