package dev.aftersales.host.graphql;

import dev.aftersales.api.graphql.FieldResolver;
import dev.aftersales.api.graphql.Viewer;
import dev.aftersales.host.plugins.FeatureContexts;
import dev.aftersales.host.plugins.LoadedPlugin;
import dev.aftersales.host.tenancy.Shop;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletionStage;

/**
 * Calls a plugin's operator API resolver ({@code Wiring.adminField}) with the feature context of the shop being
 * looked at: the {@code Shop} the field hangs on, handed down to the plugin's own types as local context.
 */
public record AdminFeatureFetcher(LoadedPlugin plugin, FieldResolver resolver, FeatureContexts contexts)
        implements DataFetcher<Object> {

    @Override
    public Object get(DataFetchingEnvironment environment) throws Exception {
        Shop shop = environment.getSource() instanceof Shop source ? source : environment.getLocalContext();
        Object value = resolver.resolve(new HostFieldCall(environment, contexts.forShop(shop, plugin), Viewer.guest()));
        if (value instanceof CompletionStage<?> pending) {
            return pending.thenApply(result -> withShop(result, shop));
        }
        return withShop(value, shop);
    }

    private static DataFetcherResult<Object> withShop(Object value, Shop shop) {
        return DataFetcherResult.newResult().data(value).localContext(shop).build();
    }
}
