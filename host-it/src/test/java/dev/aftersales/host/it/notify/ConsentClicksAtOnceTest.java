package dev.aftersales.host.it.notify;

import static dev.aftersales.host.jooq.Tables.NOTIFY_CONSENTS;
import static dev.aftersales.host.jooq.Tables.NOTIFY_CONSENT_LOG;
import static dev.aftersales.host.jooq.Tables.NOTIFY_SUPPRESSIONS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.TestMails;
import dev.aftersales.testkit.TestShop;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A confirmation or unsubscribe link clicked many times at once (mail client, impatient person): one change, no error. */
class ConsentClicksAtOnceTest {

    @RegisterExtension
    static final AftersalesHost host = NotifyHosts.PRIMARY;

    private static final int CLICKS = 8;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ExecutorService CLICKERS = Executors.newFixedThreadPool(CLICKS);
    private static final Pattern CONFIRM = Pattern.compile("Confirm: (\\S+)");

    private TestShop shop;

    @BeforeEach
    void shop() {
        shop = host.newShop().enable("pinger");
    }

    @AfterAll
    static void stopClickers() {
        CLICKERS.shutdownNow();
    }

    @Test
    void aConfirmationClickedManyTimesAtOnceConfirmsOnceAndThanksEveryClick() {
        String guest = "clicks-" + shop.id() + "@example.test";
        shop.storefront().execute("mutation($email: String!) { pingerSubscribe(input: {email: $email, "
                + "locale: \"en\"}) { consent userErrors { code } } }", Map.of("email", guest)).assertNoErrors();
        Matcher link = CONFIRM.matcher(TestMails.text(TestMails.await(host.mail(), guest, 1).getFirst()));
        assertThat(link.find()).isTrue();

        List<Integer> statuses = clickAtOnce(link.group(1), "");

        assertThat(statuses).containsOnly(200);
        assertThat(shop.sql().fetchCount(NOTIFY_CONSENT_LOG, NOTIFY_CONSENT_LOG.SHOP_ID.eq(shop.id())
                .and(NOTIFY_CONSENT_LOG.ACTION.eq("CONFIRMED")))).isEqualTo(1);
        assertThat(shop.storefront().execute("{ pingerEvents }").assertNoErrors().path("pingerEvents"))
                .as("one ConsentConfirmed event").hasSize(1);
    }

    @Test
    void anUnsubscribeClickedManyTimesAtOnceRevokesOnceWithoutAnError() {
        String anna = "anna-" + shop.id() + "@example.test";
        shop.customer("anna", anna, "en");
        Pings.toCustomers(shop, "ALERT", "anna");
        String header = TestMails.header(TestMails.await(host.mail(), anna, 1).getFirst(), "List-Unsubscribe");

        List<Integer> statuses = clickAtOnce(header.substring(1, header.indexOf('>')), "List-Unsubscribe=One-Click");

        assertThat(statuses).containsOnly(200);
        assertThat(shop.sql().select(NOTIFY_CONSENTS.STATE).from(NOTIFY_CONSENTS)
                .where(NOTIFY_CONSENTS.SHOP_ID.eq(shop.id()), NOTIFY_CONSENTS.RECIPIENT_KEY.eq("c:anna"))
                .fetchOne(NOTIFY_CONSENTS.STATE)).isEqualTo("REVOKED");
        assertThat(shop.sql().fetchCount(NOTIFY_SUPPRESSIONS, NOTIFY_SUPPRESSIONS.SHOP_ID.eq(shop.id())
                .and(NOTIFY_SUPPRESSIONS.CATEGORY.eq("ALERT")))).isEqualTo(1);
    }

    /** Posts the form to the link from {@link #CLICKS} threads released together; the HTTP status of each. */
    private static List<Integer> clickAtOnce(String url, String form) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> clicks = new ArrayList<>();
        for (int i = 0; i < CLICKS; i++) {
            clicks.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, CLICKERS));
        }
        start.countDown();
        return clicks.stream().map(CompletableFuture::join).toList();
    }
}
