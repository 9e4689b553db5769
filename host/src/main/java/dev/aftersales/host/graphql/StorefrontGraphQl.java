package dev.aftersales.host.graphql;

import dev.aftersales.api.catalog.Catalog;
import dev.aftersales.api.catalog.Variant;
import dev.aftersales.host.catalog.CatalogService;
import dev.aftersales.host.config.AftersalesProperties;
import dev.aftersales.api.graphql.BatchLoader;
import dev.aftersales.host.plugins.FeatureContexts;
import dev.aftersales.host.plugins.LoadedPlugin;
import dev.aftersales.host.plugins.PluginRuntime;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.MappedBatchLoaderWithContext;
import org.springframework.graphql.ExecutionGraphQlRequest;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Executes a storefront request on its shop's schema, with a fresh set of batch loaders (the host's and those of
 * the shop's plugins) and the request timeout.
 */
@Component
public class StorefrontGraphQl {

    private final ShopSchemas schemas;
    private final PluginRuntime plugins;
    private final CatalogService catalog;
    private final FeatureContexts contexts;
    private final AftersalesProperties properties;

    public StorefrontGraphQl(ShopSchemas schemas, PluginRuntime plugins, CatalogService catalog,
                             FeatureContexts contexts, AftersalesProperties properties) {
        this.schemas = schemas;
        this.contexts = contexts;
        this.plugins = plugins;
        this.catalog = catalog;
        this.properties = properties;
    }

    public Mono<ExecutionGraphQlResponse> execute(ExecutionGraphQlRequest request) {
        ExecutionInput prepared = request.toExecutionInput();
        RequestContext context = prepared.getGraphQLContext().get(RequestContext.class);
        ShopSchema schema = schemas.acquire(context.shop());
        // the plugins this request really runs with (enabledFeatures lists these, not a plugin already unloaded)
        prepared.getGraphQLContext().put(ShopSchema.class, schema);
        ExecutionInput input = prepared.transform(builder -> builder.dataLoaderRegistry(loaders(context, schema)));
        return Mono.fromFuture(() -> schema.graphQL().executeAsync(input))
                .timeout(properties.graphql().requestTimeout(), Mono.fromSupplier(() -> timedOut()))
                .map(result -> ErrorCodes.complete(result, input.getQuery(), context.shop(), plugins.plugins()))
                .<ExecutionGraphQlResponse>map(result -> new DefaultExecutionGraphQlResponse(input, result))
                .doFinally(signal -> schema.release());
    }

    private ExecutionResult timedOut() {
        return ExecutionResult.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError()
                        .message("The request took longer than " + properties.graphql().requestTimeout().toMillis()
                                + " ms and was cancelled")
                        .errorType(ErrorMapping.classification("TIMEOUT"))
                        .extensions(Map.of("code", "TIMEOUT"))
                        .build())
                .build();
    }

    private DataLoaderRegistry loaders(RequestContext context, ShopSchema schema) {
        DataLoaderRegistry registry = new DataLoaderRegistry();
        String shopId = context.shop().id();
        registry.register(Catalog.VARIANT_LOADER, DataLoaderFactory.<String, Variant>newMappedDataLoader(
                keys -> CompletableFuture.completedFuture(catalog.variants(shopId, keys))));
        for (LoadedPlugin plugin : schema.plugins()) {
            plugin.wiring().batchLoaders().forEach((name, loader) ->
                    registry.register(name, pluginLoader(context, plugin, loader)));
        }
        return registry;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private DataLoader<?, ?> pluginLoader(RequestContext context, LoadedPlugin plugin,
                                         BatchLoader loader) {
        MappedBatchLoaderWithContext<Object, Object> batch = (keys, environment) -> {
            try {
                return CompletableFuture.completedFuture(
                        (Map<Object, Object>) loader.load(context.featureContext(plugin, contexts), keys));
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        };
        return DataLoaderFactory.newMappedDataLoader(batch);
    }
}
