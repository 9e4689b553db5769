package dev.aftersales.bench.wishlist;

import dev.aftersales.api.catalog.Variant;
import dev.aftersales.host.graphql.Scalars;
import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Baseline "the GraphQL limit": graphql-java executing the benchmarked query over HTTP (same security chain, same JSON)
 * on data already in memory, with a schema of just the types the query touches. What the host spends above this is
 * its own work: database statements, batch loading and the per-shop schema. Routed before the host's own routes, like
 * {@link HandWrittenWishlistEndpoint}.
 */
@Configuration(proxyBeanMethods = false)
public class InMemoryWishlistGraphQl {

    public static final String PATH = "/graphql/baseline/in-memory";

    private static final String SCHEMA = """
            scalar Decimal
            type Query { viewer: Customer }
            type Customer { wishlists(first: Int = 10): WishlistConnection! }
            type WishlistConnection { nodes: [Wishlist!]! }
            type Wishlist { id: ID! name: String! items(first: Int = 20): WishlistItemConnection! }
            type WishlistItemConnection { nodes: [WishlistItem!]! }
            type WishlistItem { id: ID! quantity: Int! variant: Variant }
            type Variant { name: String! price: Money! inStock: Boolean! }
            type Money { amount: Decimal! currencyCode: String! }
            """;

    private final WishlistQueries queries;
    private final Map<String, List<WishlistQueries.ListView>> wishlistsByCustomer = new ConcurrentHashMap<>();
    private final GraphQL graphQl;

    InMemoryWishlistGraphQl(WishlistQueries queries) {
        this.queries = queries;
        this.graphQl = GraphQL.newGraphQL(schema()).build();
    }

    /** Reads the customers' lists (5) and items (50 per list) into memory. */
    public void load(String shopId, Collection<String> customerIds) {
        customerIds.forEach(customer -> wishlistsByCustomer.put(key(shopId, customer),
                queries.wishlists(shopId, customer, 5, 50)));
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> inMemoryWishlists() {
        return RouterFunctions.route().POST(PATH, this::execute).build();
    }

    private ServerResponse execute(ServerRequest request) throws Exception {
        String shopId = request.headers().firstHeader("X-Shop-Id");
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (shopId == null || authentication == null || !authentication.isAuthenticated()) {
            return ServerResponse.status(HttpStatus.UNAUTHORIZED).build();
        }
        Map<?, ?> body = request.body(Map.class);
        ExecutionInput input = ExecutionInput.newExecutionInput((String) body.get("query"))
                .root(key(shopId, authentication.getName()))
                .build();
        return ServerResponse.ok().body(graphQl.execute(input).toSpecification());
    }

    private GraphQLSchema schema() {
        DataFetcher<List<WishlistQueries.ListView>> wishlists = env -> {
            List<WishlistQueries.ListView> lists = wishlistsByCustomer.getOrDefault(env.<String>getSource(), List.of());
            return lists.subList(0, Math.min(lists.size(), env.<Integer>getArgument("first")));
        };
        DataFetcher<List<WishlistQueries.ItemView>> items = env -> {
            List<WishlistQueries.ItemView> all = env.<WishlistQueries.ListView>getSource().items();
            return all.subList(0, Math.min(all.size(), env.<Integer>getArgument("first")));
        };
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(Scalars.DECIMAL)
                .type("Query", type -> type.dataFetcher("viewer", env -> env.getRoot()))
                .type("Customer", type -> type.dataFetcher("wishlists", wishlists))
                .type("WishlistConnection", type -> type.dataFetcher("nodes", env -> env.getSource()))
                .type("Wishlist", type -> type.dataFetcher("items", items))
                .type("WishlistItemConnection", type -> type.dataFetcher("nodes", env -> env.getSource()))
                .type("Variant", type -> type
                        .dataFetcher("price", env -> env.<Variant>getSource().price())
                        .dataFetcher("inStock", env -> env.<Variant>getSource().inStock()))
                .type("Money", type -> type.dataFetcher("currencyCode", env -> env.<dev.aftersales.api.catalog.Money>getSource().currency()))
                .build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SCHEMA), wiring);
    }

    private static String key(String shopId, String customerId) {
        return shopId + "/" + customerId;
    }
}
