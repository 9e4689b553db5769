package dev.aftersales.host.graphql;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.graphql.Viewer;
import dev.aftersales.host.plugins.FeatureContexts;
import dev.aftersales.host.plugins.LoadedPlugin;
import dev.aftersales.host.tenancy.Shop;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who asks in which shop: set by {@link ShopRequestInterceptor} from the {@code X-Shop-Id} header and the verified
 * customer token, read by every data fetcher from the GraphQL context. Feature contexts are made once per request.
 */
public record RequestContext(Shop shop, Viewer viewer, Map<String, FeatureContext> featureContexts) {

    public RequestContext(Shop shop, Viewer viewer) {
        this(shop, viewer, new ConcurrentHashMap<>());
    }

    FeatureContext featureContext(LoadedPlugin plugin, FeatureContexts contexts) {
        return featureContexts.computeIfAbsent(plugin.cacheKey(), key -> contexts.forShop(shop, plugin));
    }
}
