package dev.aftersales.plugins.reviews;

import static dev.aftersales.plugins.reviews.ReviewsTestShop.delivered;
import static dev.aftersales.plugins.reviews.ReviewsTestShop.moderate;
import static dev.aftersales.plugins.reviews.ReviewsTestShop.page;
import static dev.aftersales.plugins.reviews.ReviewsTestShop.products;
import static dev.aftersales.plugins.reviews.ReviewsTestShop.review;
import static dev.aftersales.plugins.reviews.ReviewsTestShop.submit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.catalog.Order;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.ConcurrentCalls;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestMails;
import dev.aftersales.testkit.TestShop;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reviews through the real host: writing, moderation, the product page, votes, bad input, privacy, concurrency. */
class ReviewsIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPluginUnderTest();

    private static final String VOTE = """
            mutation($input: ReviewHelpfulVoteInput!) { reviewHelpfulVote(input: $input) {
              review { helpfulVotes } userErrors { code } } }""";

    @Test
    void aBuyersReviewIsShownVerifiedOnceApprovedWithTheSummaryAndTheShopsReply(TestShop shop) {
        shop.enable("reviews");
        products(shop, 2);
        String anna = "anna-" + shop.id() + "@example.test";
        shop.customer("anna", anna, "de");
        delivered(host, shop, "o-1", "anna", 1);

        Map<String, Object> input = review("p-1", 4, "<script>alert(1)</script> Warm & dry");
        input.put("title", "<b>Great</b> boots");
        input.put("photoUrls", List.of("https://img.example/1.jpg"));
        input.put("authorName", "Anna K.");
        GraphQlResult written = submit(shop, "anna", input).assertNoErrors();
        assertThat(written.path("reviewSubmit.review.status").asString()).isEqualTo("PENDING");
        assertThat(written.path("reviewSubmit.review.verifiedBuyer").asBoolean()).isTrue();
        assertThat(written.path("reviewSubmit.review.variantId").asString()).isEqualTo("v-1");
        assertThat(page(shop, "p-1", 10).path("productReviews.summary.count").asInt()).isZero();

        String annasReview = written.path("reviewSubmit.review.id").asString();
        assertThat(moderate(shop, annasReview, "APPROVED").path("reviewModerate.review.status").asString())
                .isEqualTo("APPROVED");
        GraphQlResult ben = submit(shop, "ben", review("p-1", 1, "Leaked after a week")).assertNoErrors();
        assertThat(ben.path("reviewSubmit.review.verifiedBuyer").asBoolean()).isFalse();
        String bensReview = ben.path("reviewSubmit.review.id").asString();
        moderate(shop, bensReview, "APPROVED");
        shop.admin().execute("""
                mutation($input: ReviewReplyInput!) { reviewReply(input: $input) { userErrors { code } } }""",
                Map.of("input", Map.of("shopId", shop.id(), "reviewId", bensReview,
                        "text", "Sorry! Please send it back, we replace it."))).assertNoErrors();

        GraphQlResult productPage = page(shop, "p-1", 10);
        assertThat(productPage.path("productReviews.summary.count").asInt()).isEqualTo(2);
        assertThat(productPage.path("productReviews.summary.average").asDouble()).isEqualTo(2.5);
        assertThat(productPage.path("productReviews.summary.stars[0].rating").asInt()).isEqualTo(5);
        assertThat(productPage.path("productReviews.summary.stars[1].count").asInt()).isEqualTo(1);
        assertThat(productPage.path("productReviews.summary.stars[4].count").asInt()).isEqualTo(1);
        assertThat(productPage.path("productReviews.reviews.nodes[0].shopReply.text").asString())
                .isEqualTo("Sorry! Please send it back, we replace it.");
        // stored as typed: the storefront escapes it
        assertThat(productPage.path("productReviews.reviews.nodes[1].text").asString())
                .isEqualTo("<script>alert(1)</script> Warm & dry");
        assertThat(productPage.path("productReviews.reviews.nodes[1].verifiedBuyer").asBoolean()).isTrue();
        assertThat(productPage.path("productReviews.reviews.nodes[1].authorName").asString()).isEqualTo("Anna K.");
        assertThat(productPage.path("productReviews.verificationRule").asString()).contains("order history");

        // the thank-you mail speaks the author's language and escapes what the customer typed
        MimeMessage thanks = TestMails.await(shop, host.mail(), anna, 1).getFirst();
        assertThat(TestMails.subject(thanks)).isEqualTo("Danke für Ihre Bewertung von Product 1");
        assertThat(TestMails.html(thanks)).contains("&lt;b&gt;Great&lt;/b&gt; boots").doesNotContain("<b>Great");

        assertThat(vote(shop, "ben", annasReview).path("reviewHelpfulVote.review.helpfulVotes").asInt()).isEqualTo(1);
        assertThat(vote(shop, "ben", annasReview).path("reviewHelpfulVote.userErrors[0].code").asString())
                .isEqualTo("ALREADY_VOTED");
        assertThat(vote(shop, "anna", annasReview).path("reviewHelpfulVote.userErrors[0].code").asString())
                .isEqualTo("OWN_REVIEW");

        moderate(shop, bensReview, "REMOVED");
        assertThat(page(shop, "p-1", 10).path("productReviews.summary.count").asInt()).isEqualTo(1);
    }

    @Test
    void badInputGetsAUserErrorAndStoresNothing(TestShop shop) {
        shop.enable("reviews").settings("reviews", Map.of("buyersOnly", true));
        products(shop, 2);
        delivered(host, shop, "o-1", "anna", 1);

        assertThat(code(submit(shop, "anna", review("p-1", 6, "Too good")))).isEqualTo("INVALID_RATING");
        assertThat(code(submit(shop, "anna", review("p-1", 0, "Too bad")))).isEqualTo("INVALID_RATING");
        Map<String, Object> script = review("p-1", 5, "Nice");
        script.put("photoUrls", List.of("javascript:alert(1)"));
        assertThat(code(submit(shop, "anna", script))).isEqualTo("INVALID_URL");
        assertThat(code(submit(shop, "anna", review("p-2", 5, "Never bought it")))).isEqualTo("NOT_A_BUYER");
        assertThat(code(submit(shop, "anna", review("p-404", 5, "No such product")))).isEqualTo("NOT_FOUND");
        Map<String, Object> forged = review("p-1", 5, "Forged");
        forged.put("token", "forged-token");
        assertThat(code(submit(shop, null, forged))).isEqualTo("INVALID_TOKEN");
        assertThat(shop.storefront().execute(SUBMIT_AS_GUEST, Map.of("input", review("p-1", 5, "Guest")))
                .errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(reviewRows(shop)).isZero();

        submit(shop, "anna", review("p-1", 5, "Good")).assertNoErrors();
        assertThat(code(submit(shop, "anna", review("p-1", 3, "Again")))).isEqualTo("ALREADY_REVIEWED");
        GraphQlResult answer = shop.storefront("anna").execute("""
                mutation { productQuestionAnswer(input: {questionId: "UHJvZHVjdFF1ZXN0aW9uOjk5OTk", text: "Yes it is"})
                  { answer { id } userErrors { code } } }""").assertNoErrors();
        assertThat(answer.path("productQuestionAnswer.userErrors[0].code").asString()).isEqualTo("NOT_FOUND");
        assertThat(reviewRows(shop)).isEqualTo(1);
        assertThat(shop.sql().fetchCount(DSL.table(DSL.name("reviews_answer")),
                DSL.field(DSL.name("shop_id")).eq(shop.id()))).isZero();
    }

    @Test
    void erasureAnonymisesReviewsWhenTheShopKeepsThemAndDeletesThemOtherwise(TestShop shop) {
        shop.enable("reviews").settings("reviews", Map.of("autoApprove", true));
        products(shop, 1);
        delivered(host, shop, "o-1", "anna", 1);
        delivered(host, shop, "o-2", "ben", 1);
        String annas = submit(shop, "anna", review("p-1", 5, "Lovely")).assertNoErrors()
                .path("reviewSubmit.review.id").asString();
        String bens = submit(shop, "ben", review("p-1", 4, "Fine")).assertNoErrors()
                .path("reviewSubmit.review.id").asString();
        vote(shop, "anna", bens).assertNoErrors();
        shop.storefront("anna").execute("""
                mutation { productQuestionAsk(input: {productId: "p-1", text: "Is it waterproof?"})
                  { question { id } userErrors { code } } }""").assertNoErrors();

        Map<String, Object> export = shop.export("reviews", "anna");
        assertThat(export.toString()).contains("Lovely", "Is it waterproof?", "o-1");

        shop.erase("reviews", "anna");
        assertThat(shop.personalData("anna", null)).noneMatch(place -> place.startsWith("reviews_"));
        GraphQlResult kept = page(shop, "p-1", 10);
        assertThat(kept.path("productReviews.summary.count").asInt()).isEqualTo(2);
        assertThat(kept.path("productReviews.reviews.nodes[0].helpfulVotes").asInt()).isEqualTo(1);
        assertThat(annas).isNotBlank();

        shop.settings("reviews", Map.of("anonymiseOnErase", false));
        shop.erase("reviews", "ben");
        assertThat(shop.personalData("ben", null)).noneMatch(place -> place.startsWith("reviews_"));
        assertThat(page(shop, "p-1", 10).path("productReviews.summary.count").asInt()).isEqualTo(1);
    }

    @Test
    void manyCustomersVoteOnOneReviewAtOnceAndDoubleClicksCountOnce(TestShop shop) {
        shop.enable("reviews").settings("reviews", Map.of("autoApprove", true));
        products(shop, 1);
        delivered(host, shop, "o-1", "anna", 1);
        String hot = submit(shop, "anna", review("p-1", 5, "Hot")).assertNoErrors()
                .path("reviewSubmit.review.id").asString();

        // 6 threads × 10 calls: 30 voters, each clicking twice
        ConcurrentCalls.run(6, 10, (thread, call) -> shop.storefront("voter-" + thread + "-" + (call % 5))
                .execute(VOTE, Map.of("input", Map.of("reviewId", hot)))).assertNoFailures();
        // one customer's double clicks on the submit button
        ConcurrentCalls.run(4, 2, (thread, call) -> submit(shop, "ben", review("p-1", 3, "Double click")))
                .assertNoFailures();

        assertThat(page(shop, "p-1", 10).path("productReviews.reviews.nodes[0].helpfulVotes").asInt())
                .isEqualTo(30);
        assertThat(reviewRows(shop)).isEqualTo(2);
    }

    @Test
    void theProductPageCostsTheSameStatementsForAnyPageSize(TestShop shop) {
        shop.enable("reviews").settings("reviews", Map.of("autoApprove", true));
        products(shop, 1);
        for (int i = 0; i < 12; i++) {
            delivered(host, shop, "o-" + i, "c-" + i, 1);
        }
        for (int i = 0; i < 12; i++) {
            String customer = "c-" + i;
            submit(shop, customer, review("p-1", 3 + i % 3, "Review " + i)).assertNoErrors();
            String question = shop.storefront(customer).execute("""
                    mutation($text: String!) { productQuestionAsk(input: {productId: "p-1", text: $text})
                      { question { id } } }""", Map.of("text", "Question " + i)).assertNoErrors()
                    .path("productQuestionAsk.question.id").asString();
            shop.storefront("c-" + (i + 1) % 12).execute("""
                    mutation($q: ID!) { productQuestionAnswer(input: {questionId: $q, text: "An answer"})
                      { answer { id } } }""", Map.of("q", question)).assertNoErrors();
        }

        long small = host.sqlStatements().count(() -> page(shop, "p-1", 2));
        long large = host.sqlStatements().count(() -> page(shop, "p-1", 12));

        GraphQlResult full = page(shop, "p-1", 12);
        assertThat(full.path("productReviews.reviews.nodes").size()).isEqualTo(12);
        assertThat(full.path("productReviews.questions.nodes").size()).isEqualTo(12);
        assertThat(full.path("productReviews.questions.nodes[0].answers[0].verifiedBuyer").asBoolean()).isTrue();
        assertThat(large).isEqualTo(small);
    }

    @Test
    void questionsAreModeratedAndAnsweredByTheShopAndBuyersFirst(TestShop shop) {
        shop.enable("reviews");
        products(shop, 1);
        delivered(host, shop, "o-1", "anna", 1);
        String question = shop.storefront("ben").execute("""
                mutation { productQuestionAsk(input: {productId: "p-1", text: "Does it run small?"})
                  { question { id status } userErrors { code } } }""").assertNoErrors()
                .path("productQuestionAsk.question.id").asString();
        assertThat(answer(shop, "anna", question).path("productQuestionAnswer.userErrors[0].code").asString())
                .isEqualTo("NOT_FOUND"); // not approved yet
        shop.admin().execute("""
                mutation($input: ProductQuestionModerateInput!) { productQuestionModerate(input: $input)
                  { question { status } userErrors { code } } }""", Map.of("input", Map.of("shopId", shop.id(),
                "questionId", question, "status", "APPROVED"))).assertNoErrors();
        String cleos = answer(shop, "cleo", question).path("productQuestionAnswer.answer.id").asString();
        String annas = answer(shop, "anna", question).path("productQuestionAnswer.answer.id").asString();
        for (String answerId : List.of(cleos, annas)) {
            shop.admin().execute("""
                    mutation($input: ProductAnswerModerateInput!) { productAnswerModerate(input: $input)
                      { answer { status } userErrors { code } } }""", Map.of("input", Map.of("shopId", shop.id(),
                    "answerId", answerId, "status", "APPROVED"))).assertNoErrors();
        }
        assertThat(page(shop, "p-1", 5).path("productReviews.questions.nodes[0].answers[0].verifiedBuyer")
                .asBoolean()).isTrue();

        shop.admin().execute("""
                mutation($input: ProductQuestionAnswerAsShopInput!) { productQuestionAnswerAsShop(input: $input)
                  { answer { fromShop } userErrors { code } } }""", Map.of("input", Map.of("shopId", shop.id(),
                "questionId", question, "text", "It runs true to size."))).assertNoErrors();
        assertThat(accept(shop, "anna", cleos).path("productAnswerAccept.userErrors[0].code").asString())
                .isEqualTo("NOT_ASKER");
        accept(shop, "ben", cleos).assertNoErrors();

        GraphQlResult answers = page(shop, "p-1", 5);
        assertThat(answers.path("productReviews.questions.nodes[0].answers[0].accepted").asBoolean()).isTrue();
        assertThat(answers.path("productReviews.questions.nodes[0].answers[1].fromShop").asBoolean()).isTrue();
        assertThat(answers.path("productReviews.questions.nodes[0].answers[2].verifiedBuyer").asBoolean()).isTrue();
    }

    private static final String SUBMIT_AS_GUEST = """
            mutation($input: ReviewSubmitInput!) { reviewSubmit(input: $input) { review { id } userErrors { code } } }""";

    private static GraphQlResult vote(TestShop shop, String customerId, String reviewId) {
        return shop.storefront(customerId).execute(VOTE, Map.of("input", Map.of("reviewId", reviewId)));
    }

    private static GraphQlResult answer(TestShop shop, String customerId, String questionId) {
        return shop.storefront(customerId).execute("""
                mutation($q: ID!) { productQuestionAnswer(input: {questionId: $q, text: "Mine fits well"})
                  { answer { id } userErrors { code } } }""", Map.of("q", questionId)).assertNoErrors();
    }

    private static GraphQlResult accept(TestShop shop, String customerId, String answerId) {
        return shop.storefront(customerId).execute("""
                mutation($a: ID!) { productAnswerAccept(input: {answerId: $a}) { answer { accepted }
                  userErrors { code } } }""", Map.of("a", answerId));
    }

    private static String code(GraphQlResult result) {
        return result.assertNoErrors().path("reviewSubmit.userErrors[0].code").asString();
    }

    private static int reviewRows(TestShop shop) {
        return shop.sql().fetchCount(DSL.table(DSL.name("reviews_review")), DSL.field(DSL.name("shop_id")).eq(shop.id()));
    }
}
