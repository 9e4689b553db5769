package dev.aftersales.host.graphql;

import dev.aftersales.api.graphql.FieldResolver;
import dev.aftersales.api.graphql.Viewer;
import dev.aftersales.host.plugins.FeatureContexts;
import dev.aftersales.host.plugins.LoadedPlugin;
import dev.aftersales.api.FeatureException;
import dev.aftersales.host.admin.Operator;
import dev.aftersales.host.tenancy.Shop;
import dev.aftersales.host.tenancy.ShopDirectory;
import java.util.Map;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletionStage;

/**
 * Calls a plugin's operator API resolver ({@code Wiring.adminField}) with the feature context of the shop being
 * looked at: the {@code Shop} the field hangs on, handed down to the plugin's own types as local context.
 */
public record AdminFeatureFetcher(LoadedPlugin plugin, FieldResolver resolver, FeatureContexts contexts,
                                  ShopDirectory shops) implements DataFetcher<Object> {

    @Override
    public Object get(DataFetchingEnvironment environment) throws Exception {
        Shop onShop = environment.getSource() instanceof Shop source ? source : environment.getLocalContext();
        Shop shop = onShop != null ? onShop : shopOfMutation(environment);
        Object value = resolver.resolve(new HostFieldCall(environment, contexts.forShop(shop, plugin), Viewer.guest()));
        if (value instanceof CompletionStage<?> pending) {
            return pending.thenApply(result -> withShop(result, shop));
        }
        return withShop(value, shop);
    }

    /** A plugin's operator mutation names its shop in {@code input.shopId}; the key must manage it. */
    private Shop shopOfMutation(DataFetchingEnvironment environment) {
        Object input = environment.getArgument("input");
        String shopId = input instanceof Map<?, ?> map && map.get("shopId") instanceof String id ? id : null;
        return java.util.Optional.ofNullable(shopId)
                .filter(id -> Operator.of(environment).mayManage(id))
                .flatMap(shops::find)
                .orElseThrow(() -> new FeatureException(FeatureException.ErrorCode.NOT_FOUND,
                        "There is no such shop: name one this key manages in input.shopId"));
    }

    private static DataFetcherResult<Object> withShop(Object value, Shop shop) {
        return DataFetcherResult.newResult().data(value).localContext(shop).build();
    }
}
