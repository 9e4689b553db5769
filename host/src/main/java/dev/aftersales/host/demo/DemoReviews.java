package dev.aftersales.host.demo;

import com.nimbusds.jose.JOSEException;
import dev.aftersales.host.admin.AdminKeys;
import java.net.URI;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Demo mode only: the Trail Hiking Boots get reviews and a question, written and moderated through the storefront
 * and operator APIs as customers and an operator would. anna bought the boots (order 1001): her review is verified
 * and, with community rewards enabled, earns points (incentivized); ben's is not verified. ben asks whether they run
 * small, anna and the shop answer, ben accepts anna's answer. Skipped when the reviews plugin is not loaded or the
 * boots have reviews already.
 */
@Component
@ConditionalOnProperty(name = "aftersales.demo", havingValue = "true")
class DemoReviews {

    private static final Logger log = LoggerFactory.getLogger(DemoReviews.class);
    private static final String SUMMARY = "{ productReviews(productId: \"boots\") { summary { count } } }";

    private final DemoTokens tokens;
    private final AdminKeys keys;
    private final DemoGraphQl graphQl;

    DemoReviews(DemoTokens tokens, AdminKeys keys, DemoGraphQl graphQl) {
        this.tokens = tokens;
        this.keys = keys;
        this.graphQl = graphQl;
    }

    void seed(int port) {
        try {
            URI storefront = URI.create("http://127.0.0.1:" + port + "/graphql");
            URI admin = URI.create("http://127.0.0.1:" + port + "/admin/graphql");
            String anna = tokens.sign("anna");
            String ben = tokens.sign("ben");
            String operator = keys.create(DemoSeeder.SHOP_ID, "demo reviews seeding");
            JsonNode existing = graphQl.call(storefront, anna, SUMMARY, Map.of());
            if (existing.path("errors").isArray() && !existing.path("errors").isEmpty()
                    || existing.path("data").path("productReviews").path("summary").path("count").asInt() > 0) {
                return;
            }
            String annas = review(storefront, anna, 5, "Dry feet on a rainy trail",
                    "Wore them for three days in the Alps, in rain and on scree. Dry and comfortable from day one.",
                    "Anna K.");
            String bens = review(storefront, ben, 4, "Good grip, a bit stiff",
                    "Tried them on at a friend's: great grip, the leather needs a few walks to soften.", "Ben");
            for (String reviewId : new String[] {annas, bens}) {
                graphQl.call(admin, operator, """
                        mutation($id: ID!) { reviewModerate(input: {shopId: "demo", reviewId: $id, status: "APPROVED"})
                          { userErrors { message } } }""", Map.of("id", reviewId));
            }
            graphQl.call(admin, operator, """
                    mutation($id: ID!) { reviewReply(input: {shopId: "demo", reviewId: $id,
                      text: "Thank you, Ben! A little leather wax helps them soften faster."}) { userErrors { message } } }""",
                    Map.of("id", bens));
            String question = graphQl.call(storefront, ben, """
                    mutation { productQuestionAsk(input: {productId: "boots", text: "Do they run small?"})
                      { question { id } } }""", Map.of()).path("data").path("productQuestionAsk").path("question")
                    .path("id").asString();
            graphQl.call(admin, operator, """
                    mutation($id: ID!) { productQuestionModerate(input: {shopId: "demo", questionId: $id,
                      status: "APPROVED"}) { userErrors { message } } }""", Map.of("id", question));
            String answer = graphQl.call(storefront, anna, """
                    mutation($id: ID!) { productQuestionAnswer(input: {questionId: $id,
                      text: "I wear 42 in all my shoes and the 42 fits well with thick socks."}) { answer { id } } }""",
                    Map.of("id", question)).path("data").path("productQuestionAnswer").path("answer").path("id")
                    .asString();
            graphQl.call(admin, operator, """
                    mutation($id: ID!) { productAnswerModerate(input: {shopId: "demo", answerId: $id,
                      status: "APPROVED"}) { userErrors { message } } }""", Map.of("id", answer));
            graphQl.call(admin, operator, """
                    mutation($id: ID!) { productQuestionAnswerAsShop(input: {shopId: "demo", questionId: $id,
                      text: "They run true to size."}) { userErrors { message } } }""", Map.of("id", question));
            graphQl.call(storefront, ben, """
                    mutation($id: ID!) { productAnswerAccept(input: {answerId: $id}) { userErrors { message } } }""",
                    Map.of("id", answer));
            log.info("Demo reviews ready: two reviews and an answered question of the Trail Hiking Boots");
        } catch (JOSEException | RuntimeException e) {
            log.warn("Demo reviews not created: {}", e.toString());
        }
    }

    private String review(URI storefront, String customer, int rating, String title, String text, String author) {
        return graphQl.call(storefront, customer, """
                mutation($rating: Int!, $title: String, $text: String, $author: String) {
                  reviewSubmit(input: {productId: "boots", rating: $rating, title: $title, text: $text,
                    authorName: $author}) { review { id } } }""",
                Map.of("rating", rating, "title", title, "text", text, "author", author))
                .path("data").path("reviewSubmit").path("review").path("id").asString();
    }
}
