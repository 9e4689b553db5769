package dev.aftersales.plugins.reviews;

import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.OrderLine;
import dev.aftersales.api.events.OrderStatusChanged;
import dev.aftersales.host.catalog.OrderService;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The catalog, orders and GraphQL documents the reviews tests share. */
final class ReviewsTestShop {

    static final String SUBMIT = """
            mutation($input: ReviewSubmitInput!) { reviewSubmit(input: $input) {
              review { id rating title text photoUrls status verifiedBuyer incentivized variantId }
              userErrors { field code message } } }""";
    static final String MODERATE = """
            mutation($input: ReviewModerateInput!) { reviewModerate(input: $input) {
              review { id status } userErrors { code message } } }""";
    static final String PRODUCT_PAGE = """
            query($productId: ID!, $first: Int!) { productReviews(productId: $productId) {
              summary { average count stars { rating count } }
              reviews(first: $first) { nodes { id rating title text authorName verifiedBuyer incentivized helpfulVotes
                shopReply { text } } pageInfo { hasNextPage endCursor } }
              questions(first: $first) { nodes { text answers { text fromShop verifiedBuyer accepted } } }
              verificationRule } }""";

    private ReviewsTestShop() {
    }

    /** Products p-1 … p-n, one variant each (v-1 …). */
    static void products(TestShop shop, int count) {
        for (int i = 1; i <= count; i++) {
            shop.catalog().variant("v-" + i).product("p-" + i, "Product " + i).price("20.00", "EUR").stock(5).save();
        }
    }

    /** Saves an order of the variants v-i (product p-i) in the host's mirror. */
    static void order(AftersalesHost host, TestShop shop, String orderId, String customerId, Order.OrderStatus status,
                      int... products) {
        List<OrderLine> lines = Arrays.stream(products).mapToObj(i -> new OrderLine("v-" + i, "p-" + i, "Product " + i,
                1, new Money(new BigDecimal("20.00"), "EUR"), 0)).toList();
        host.bean(OrderService.class).save(shop.id(), new Order(orderId, customerId, host.clock().instant(), status,
                new Money(new BigDecimal("20.00").multiply(BigDecimal.valueOf(products.length)), "EUR"), lines));
    }

    static void delivered(AftersalesHost host, TestShop shop, String orderId, String customerId, int... products) {
        order(host, shop, orderId, customerId, Order.OrderStatus.DELIVERED, products);
        shop.publish(new OrderStatusChanged(orderId, customerId, Order.OrderStatus.FULFILLED,
                Order.OrderStatus.DELIVERED));
    }

    static GraphQlResult submit(TestShop shop, String customerId, Map<String, Object> input) {
        return (customerId == null ? shop.storefront() : shop.storefront(customerId))
                .execute(SUBMIT, Map.of("input", input));
    }

    static Map<String, Object> review(String productId, int rating, String text) {
        Map<String, Object> input = new HashMap<>();
        input.put("productId", productId);
        input.put("rating", rating);
        input.put("title", "Title " + rating);
        input.put("text", text);
        return input;
    }

    static GraphQlResult moderate(TestShop shop, String reviewId, String status) {
        return shop.admin().execute(MODERATE, Map.of("input", Map.of("shopId", shop.id(), "reviewId", reviewId,
                "status", status))).assertNoErrors();
    }

    static GraphQlResult page(TestShop shop, String productId, int first) {
        return shop.storefront().execute(PRODUCT_PAGE, Map.of("productId", productId, "first", first))
                .assertNoErrors();
    }
}
