package dev.aftersales.bench.wishlist;

import dev.aftersales.api.catalog.Variant;
import dev.aftersales.host.graphql.Scalars;
import dev.aftersales.host.tenancy.ShopDirectory;
import graphql.GraphQLContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Baseline "the stack's limit": a hand-written Spring MVC endpoint answering the benchmarked wishlist query with the
 * same JSON, the same shop lookup, the same customer JWT check and the same three jOOQ statements, without GraphQL.
 * It lives under /graphql for the customer-token filter chain, as a route checked before the host's own routes
 * (whose catch-all answers unknown paths there with a GraphQL-shaped 404).
 */
@Configuration(proxyBeanMethods = false)
public class HandWrittenWishlistEndpoint {

    public static final String PATH = "/graphql/baseline/wishlists";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> handWrittenWishlists(ShopDirectory shops, WishlistQueries queries) {
        return RouterFunctions.route().POST(PATH, request -> wishlists(shops, queries, request)).build();
    }

    private static ServerResponse wishlists(ShopDirectory shops, WishlistQueries queries, ServerRequest request) {
        String shopId = request.headers().firstHeader("X-Shop-Id");
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (shopId == null || shops.find(shopId).isEmpty() || authentication == null
                || !authentication.isAuthenticated()) {
            return ServerResponse.status(HttpStatus.UNAUTHORIZED).build();
        }
        List<Map<String, Object>> lists = queries.wishlists(shopId, authentication.getName(), 5, 50).stream()
                .map(list -> object("id", list.id(), "name", list.name(), "items",
                        object("nodes", list.items().stream()
                                .map(item -> object("id", item.id(), "quantity", item.quantity(),
                                        "variant", variant(item.variant())))
                                .toList())))
                .toList();
        return ServerResponse.ok().body(object("data", object("viewer", object("wishlists", object("nodes", lists)))));
    }

    private static Map<String, Object> variant(Variant variant) {
        if (variant == null) {
            return null;
        }
        String amount = (String) Scalars.DECIMAL.getCoercing()
                .serialize(variant.price().amount(), GraphQLContext.getDefault(), Locale.ROOT);
        return object("name", variant.name(),
                "price", object("amount", amount, "currencyCode", variant.price().currency()),
                "inStock", variant.inStock());
    }

    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }
}
