package dev.aftersales.host.graphql;

import dev.aftersales.api.graphql.Viewer;
import dev.aftersales.host.tenancy.CustomerIdentity;
import dev.aftersales.host.tenancy.Shop;
import dev.aftersales.host.tenancy.ShopDirectory;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import java.util.Map;
import java.util.Optional;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Names the shop of a storefront request from the {@code X-Shop-Id} header and the customer from the token Spring
 * Security verified, and hands both to the resolvers. An unknown shop ends the request here.
 */
public class ShopRequestInterceptor implements WebGraphQlInterceptor {

    public static final String SHOP_HEADER = "X-Shop-Id";

    private final ShopDirectory shops;

    public ShopRequestInterceptor(ShopDirectory shops) {
        this.shops = shops;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String shopId = request.getHeaders().getFirst(SHOP_HEADER);
        Optional<Shop> shop = shops.find(shopId);
        if (shop.isEmpty()) {
            return Mono.just(error(request, shopId == null || shopId.isBlank()
                    ? "Name the shop with the " + SHOP_HEADER + " header"
                    : "There is no shop '" + shopId + "'"));
        }
        Viewer viewer = CustomerIdentity.viewer(request.getAttributes());
        RequestContext context = new RequestContext(shop.get(), viewer);
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(Map.of(RequestContext.class, context,
                        ClientDevice.class, ClientDevice.of(shopId, request))).build());
        return chain.next(request);
    }

    private static WebGraphQlResponse error(WebGraphQlRequest request, String message) {
        ExecutionResult result = ExecutionResult.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError()
                        .message(message)
                        .errorType(ErrorMapping.classification("SHOP_NOT_FOUND"))
                        .extensions(Map.of("code", "SHOP_NOT_FOUND"))
                        .build())
                .build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
