package dev.aftersales.host.it.notify;

import static dev.aftersales.host.jooq.Tables.NOTIFY_CLICKS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.host.notify.tracking.Attribution;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestMails;
import dev.aftersales.testkit.TestShop;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A tracked click redirects and is recorded; a following order is attributed to the message and reported. */
class AttributionTest {

    @RegisterExtension
    static final AftersalesHost host = NotifyHosts.PRIMARY;

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern CLICK = Pattern.compile("href=\"([^\"]*/click/[^\"]+)\"");

    @Test
    void aClickAndAnOrderWithinTheWindowAreAttributedToTheMessageAndReported(TestShop shop) throws Exception {
        shop.enable("pinger");
        String anna = "anna-" + shop.id() + "@example.test";
        shop.customer("anna", anna, "en");
        shop.catalog().variant("v-1", "Jacket", "M", "49.90", 3);
        Instant start = host.clock().instant();
        Pings.send(shop, Map.of("customerIds", List.of("anna"), "category", "ALERT",
                "link", "https://outdoor.example/jacket?size=M&colour=blue"));
        Matcher link = CLICK.matcher(TestMails.html(TestMails.await(host.mail(), anna, 1).getFirst()));
        assertThat(link.find()).isTrue();

        HttpResponse<Void> click = HTTP.send(HttpRequest.newBuilder(URI.create(link.group(1))).GET().build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(click.statusCode()).isEqualTo(302);
        assertThat(click.headers().firstValue("Location")).hasValue("https://outdoor.example/jacket?size=M&colour=blue");
        assertThat(shop.sql().fetchCount(NOTIFY_CLICKS, NOTIFY_CLICKS.SHOP_ID.eq(shop.id()))).isEqualTo(1);
        HttpResponse<Void> forged = HTTP.send(HttpRequest.newBuilder(URI.create(link.group(1) + "x")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(forged.statusCode()).isEqualTo(404);

        Instant placed = host.clock().instant().plus(Duration.ofHours(2));
        shop.catalog().order("o-1", "anna", placed).line("v-1", 2, "49.90").save();
        shop.catalog().order("o-late", "anna", placed.plus(Duration.ofDays(8))).line("v-1", 1, "49.90").save();
        Attribution attribution = host.bean(Attribution.class);
        assertThat(attribution.orderPlaced(shop.id(), "o-1")).isTrue();
        assertThat(attribution.orderPlaced(shop.id(), "o-1")).isFalse(); // once per order
        assertThat(attribution.orderPlaced(shop.id(), "o-late")).isFalse(); // outside the 7-day window

        GraphQlResult report = shop.admin().execute("""
                query($shop: ID!, $from: DateTime!, $to: DateTime!) { shop(id: $shop) { notifications {
                  report(from: $from, to: $to, period: DAY) { feature periodStart sent clicked converted orders
                  revenue currency } } } }""", Map.of("shop", shop.id(), "from", start.minusSeconds(60).toString(),
                "to", start.plus(Duration.ofDays(1)).toString())).assertNoErrors();
        assertThat(report.path("shop.notifications.report[0].feature").asString()).isEqualTo("pinger");
        assertThat(report.path("shop.notifications.report[0].sent").asInt()).isEqualTo(1);
        assertThat(report.path("shop.notifications.report[0].clicked").asInt()).isEqualTo(1);
        assertThat(report.path("shop.notifications.report[0].converted").asInt()).isEqualTo(1);
        assertThat(report.path("shop.notifications.report[0].orders").asInt()).isEqualTo(1);
        assertThat(report.path("shop.notifications.report[0].revenue").asString()).isEqualTo("99.8");
        assertThat(report.path("shop.notifications.report[0].currency").asString()).isEqualTo("EUR");
    }
}
