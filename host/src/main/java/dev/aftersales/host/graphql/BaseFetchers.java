package dev.aftersales.host.graphql;

import dev.aftersales.api.catalog.Catalog;
import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.graphql.Viewer;
import dev.aftersales.host.catalog.CatalogService;
import dev.aftersales.host.plugins.LoadedPlugin;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Resolvers of the base schema. A {@code Customer} is resolved from the request's {@link Viewer}, so plugins that
 * extend {@code Customer} receive the viewer as their source.
 */
@Component
class BaseFetchers {

    private final CatalogService catalog;

    BaseFetchers(CatalogService catalog) {
        this.catalog = catalog;
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("viewer", env -> request(env).viewer().isGuest() ? null : request(env).viewer())
                .dataFetcher("variant", env -> env.getDataLoader(Catalog.VARIANT_LOADER).load(env.getArgument("id")))
                .dataFetcher("enabledFeatures", BaseFetchers::enabledFeatures));
        wiring.type("Mutation", type -> type.dataFetcher("ping", env -> true));
        wiring.type("Customer", type -> type
                .dataFetcher("id", env -> env.<Viewer>getSource().customerId().orElseThrow()));
        wiring.type("Variant", type -> type
                .dataFetcher("product", env -> new ProductRef(env.<Variant>getSource().productId(),
                        env.<Variant>getSource().productName())));
        wiring.type("Product", type -> type
                .dataFetcher("variants", env -> catalog.forShop(request(env).shop().id())
                        .variantsOfProduct(env.<ProductRef>getSource().id())));
        wiring.type("Money", type -> type.dataFetcher("currencyCode", env -> env.<Money>getSource().currency()));
    }

    /** Features the shop enabled that this instance has loaded: an uninstalled plugin is not offered. */
    private static List<String> enabledFeatures(DataFetchingEnvironment env) {
        ShopSchema schema = env.getGraphQlContext().get(ShopSchema.class);
        return schema.plugins().stream().map(LoadedPlugin::id).sorted().toList();
    }

    private static RequestContext request(DataFetchingEnvironment env) {
        return env.getGraphQlContext().get(RequestContext.class);
    }

    /** A product as far as the variant mirror knows it. */
    record ProductRef(String id, String name) {
    }
}
