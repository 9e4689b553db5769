package dev.aftersales.bench.wishlist;

import dev.aftersales.api.catalog.Variant;
import dev.aftersales.host.graphql.Scalars;
import dev.aftersales.host.tenancy.ShopDirectory;
import graphql.GraphQLContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Baseline "the stack's limit": a hand-written Spring MVC endpoint answering the benchmarked wishlist query with the
 * same JSON, the same shop lookup, the same customer JWT check and the same three jOOQ statements, without GraphQL.
 */
@RestController
public class HandWrittenWishlistEndpoint {

    public static final String PATH = "/graphql/baseline/wishlists";

    private final ShopDirectory shops;
    private final WishlistQueries queries;

    HandWrittenWishlistEndpoint(ShopDirectory shops, WishlistQueries queries) {
        this.shops = shops;
        this.queries = queries;
    }

    @PostMapping(PATH)
    public ResponseEntity<Map<String, Object>> wishlists(@RequestHeader("X-Shop-Id") String shopId) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (shops.find(shopId).isEmpty() || authentication == null || !authentication.isAuthenticated()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        List<Map<String, Object>> lists = queries.wishlists(shopId, authentication.getName(), 5, 50).stream()
                .map(list -> object("id", list.id(), "name", list.name(), "items",
                        object("nodes", list.items().stream()
                                .map(item -> object("id", item.id(), "quantity", item.quantity(),
                                        "variant", variant(item.variant())))
                                .toList())))
                .toList();
        return ResponseEntity.ok(object("data", object("viewer", object("wishlists", object("nodes", lists)))));
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
