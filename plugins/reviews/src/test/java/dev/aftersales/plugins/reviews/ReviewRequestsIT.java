package dev.aftersales.plugins.reviews;

import static dev.aftersales.plugins.reviews.ReviewsTestShop.delivered;
import static dev.aftersales.plugins.reviews.ReviewsTestShop.order;
import static dev.aftersales.plugins.reviews.ReviewsTestShop.products;
import static dev.aftersales.plugins.reviews.ReviewsTestShop.review;
import static dev.aftersales.plugins.reviews.ReviewsTestShop.submit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.events.OrderReturned;
import dev.aftersales.api.events.OrderStatusChanged;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestMails;
import dev.aftersales.testkit.TestShop;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Review requests through the real host and a movable clock: the delay after delivery, the tracked link to the
 * storefront's review page, the token that verifies a review without sign-in, reminders only after the request was
 * opened, and nothing after a return or too late.
 */
class ReviewRequestsIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPluginUnderTest();

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern CLICK = Pattern.compile("href=\"([^\"]*/click/[^\"]+)\"");
    private static final String OPEN = """
            mutation($token: String!) { reviewRequestOpen(input: {token: $token}) {
              request { orderId products { productId reviewed } askNps } userErrors { code } } }""";

    private static TestShop requests(TestShop shop) {
        return shop.enable("reviews").settings("reviews", Map.of("requestDelayDays", 14, "maxReminders", 2,
                "reminderDays", 7, "reviewPageUrl", "https://outdoor.example/review", "npsQuestion", true));
    }

    @Test
    void aDeliveredOrderIsRequestedAfterTheDelayAndRemindedOnlyWhenTheRequestWasOpened(TestShop shop)
            throws Exception {
        requests(shop);
        products(shop, 3);
        String anna = "anna-" + shop.id() + "@example.test";
        String ben = "ben-" + shop.id() + "@example.test";
        shop.customer("anna", anna, "en").customer("ben", ben, "de");
        delivered(host, shop, "o-a", "anna", 1, 2);
        delivered(host, shop, "o-b", "ben", 1);

        host.clock().advance(Duration.ofDays(13));
        shop.runJob("reviews", ReviewRequests.JOB);
        assertThat(request(shop, "o-a").get("state", String.class)).isEqualTo("SCHEDULED");

        host.clock().advance(Duration.ofDays(1));
        shop.runJob("reviews", ReviewRequests.JOB);
        MimeMessage annasRequest = TestMails.await(shop, host.mail(), anna, 1).getFirst();
        MimeMessage bensRequest = TestMails.await(shop, host.mail(), ben, 1).getFirst();
        assertThat(TestMails.subject(annasRequest)).isEqualTo("How do you like your order o-a?");
        assertThat(TestMails.html(annasRequest)).contains("Product 1", "Product 2");
        assertThat(TestMails.subject(bensRequest)).isEqualTo("Wie gefällt Ihnen Ihre Bestellung o-b?");

        // anna follows the tracked link to the shop's review page, which opens the request with the token
        String token = tokenFrom(annasRequest);
        GraphQlResult opened = shop.storefront().execute(OPEN, Map.of("token", token)).assertNoErrors();
        assertThat(opened.path("reviewRequestOpen.request.products").size()).isEqualTo(2);
        assertThat(opened.path("reviewRequestOpen.request.products[0].productId").asString()).isEqualTo("p-1");
        assertThat(opened.path("reviewRequestOpen.request.askNps").asBoolean()).isTrue();
        assertThat(nps(shop, token, 11)).isEqualTo("INVALID_SCORE");
        assertThat(nps(shop, token, 9)).isEmpty();
        assertThat(nps(shop, token, 3)).isEqualTo("ALREADY_ANSWERED");
        GraphQlResult satisfaction = shop.admin().execute("""
                query($shop: ID!, $from: DateTime!, $to: DateTime!) { shop(id: $shop) { reviews {
                  nps(from: $from, to: $to) { responses promoters nps requestsSent responseRate
                    products { productId responses nps } } } } }""", Map.of("shop", shop.id(),
                "from", host.clock().instant().minus(Duration.ofDays(1)).toString(),
                "to", host.clock().instant().plus(Duration.ofDays(1)).toString())).assertNoErrors();
        assertThat(satisfaction.path("shop.reviews.nps.responses").asInt()).isEqualTo(1);
        assertThat(satisfaction.path("shop.reviews.nps.nps").asDouble()).isEqualTo(100.0);
        assertThat(satisfaction.path("shop.reviews.nps.requestsSent").asInt()).isEqualTo(2);
        assertThat(satisfaction.path("shop.reviews.nps.responseRate").asDouble()).isEqualTo(0.5);
        assertThat(satisfaction.path("shop.reviews.nps.products").size()).isEqualTo(2);

        host.clock().advance(Duration.ofDays(7));
        shop.runJob("reviews", ReviewRequests.JOB);
        MimeMessage reminder = TestMails.await(shop, host.mail(), anna, 2).get(1);
        assertThat(TestMails.subject(reminder)).isEqualTo("A moment for your review?");
        assertThat(request(shop, "o-b").get("reminders", Integer.class)).isZero(); // ben never opened it
        assertThat(TestMails.to(host.mail(), ben)).hasSize(1);

        // the link lets anna review without signing in, as a verified buyer; a product not asked about is refused
        Map<String, Object> viaLink = review("p-2", 5, "Through the link");
        viaLink.put("token", token);
        GraphQlResult written = submit(shop, null, viaLink).assertNoErrors();
        assertThat(written.path("reviewSubmit.review.verifiedBuyer").asBoolean()).isTrue();
        Map<String, Object> other = review("p-3", 5, "Not in the order");
        other.put("token", token);
        assertThat(submit(shop, null, other).path("reviewSubmit.userErrors[0].code").asString())
                .isEqualTo("NOT_IN_REQUEST");
        assertThat(shop.sql().fetchValue(DSL.select(DSL.field(DSL.name("customer_id"), String.class))
                .from(DSL.table(DSL.name("reviews_review")))
                .where(DSL.field(DSL.name("shop_id")).eq(shop.id())))).isEqualTo("anna");

        host.clock().advance(Duration.ofDays(7));
        shop.runJob("reviews", ReviewRequests.JOB);
        Record answered = request(shop, "o-a");
        assertThat(answered.get("state", String.class)).isEqualTo("REVIEWED");
        assertThat(answered.get("reminders", Integer.class)).isEqualTo(1);

        // the link expires with the request (60 days after it was due)
        host.clock().advance(Duration.ofDays(60));
        assertThat(shop.storefront().execute(OPEN, Map.of("token", token))
                .path("reviewRequestOpen.userErrors[0].code").asString()).isEqualTo("INVALID_TOKEN");
        assertThat(shop.storefront().execute(OPEN, Map.of("token", token + "x"))
                .path("reviewRequestOpen.userErrors[0].code").asString()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void aReturnedOrderIsNeverRequestedAndALateRequestIsDroppedRatherThanSentLate(TestShop shop) {
        requests(shop);
        products(shop, 2);
        delivered(host, shop, "o-returned", "anna", 1);
        delivered(host, shop, "o-late", "ben", 2);
        order(host, shop, "o-returned", "anna", Order.OrderStatus.RETURNED, 1);
        shop.publish(new OrderReturned("o-returned", "anna"));
        // a delivery event arriving after the return changes nothing
        shop.publish(new OrderStatusChanged("o-returned", "anna", Order.OrderStatus.FULFILLED,
                Order.OrderStatus.DELIVERED));

        host.clock().advance(Duration.ofDays(14 + 4)); // the jobs were down past the three days' grace
        shop.runJob("reviews", ReviewRequests.JOB);

        assertThat(request(shop, "o-returned").get("state", String.class)).isEqualTo("CANCELLED");
        assertThat(request(shop, "o-late").get("state", String.class)).isEqualTo("EXPIRED");
        assertThat(shop.notifications().messages()).isEmpty();
    }

    /** The first user error code of an NPS answer, or "" when it was recorded. */
    private static String nps(TestShop shop, String token, int score) {
        GraphQlResult result = shop.storefront().execute("""
                mutation($token: String!, $score: Int!) { reviewRequestNpsAnswer(input: {token: $token, score: $score})
                  { recorded userErrors { code } } }""", Map.of("token", token, "score", score)).assertNoErrors();
        return result.path("reviewRequestNpsAnswer.recorded").asBoolean() ? ""
                : result.path("reviewRequestNpsAnswer.userErrors[0].code").asString();
    }

    private static Record request(TestShop shop, String orderId) {
        return shop.sql().select(DSL.field(DSL.name("state")), DSL.field(DSL.name("reminders")))
                .from(DSL.table(DSL.name("reviews_request")))
                .where(DSL.field(DSL.name("shop_id")).eq(shop.id()).and(DSL.field(DSL.name("order_id")).eq(orderId)))
                .fetchSingle();
    }

    /** Follows the mail's tracked link (as a mail client would) to the review page's URL and reads its token. */
    private static String tokenFrom(MimeMessage message) throws Exception {
        Matcher link = CLICK.matcher(TestMails.html(message));
        assertThat(link.find()).isTrue();
        HttpResponse<Void> click = HTTP.send(HttpRequest.newBuilder(URI.create(link.group(1).replace("&amp;", "&")))
                .GET().build(), HttpResponse.BodyHandlers.discarding());
        assertThat(click.statusCode()).isEqualTo(302);
        String location = click.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("https://outdoor.example/review?token=");
        return URLDecoder.decode(location.substring(location.indexOf("token=") + 6), StandardCharsets.UTF_8);
    }
}
