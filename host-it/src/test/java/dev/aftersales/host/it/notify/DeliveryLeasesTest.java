package dev.aftersales.host.it.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.host.it.FixturePlugins;
import dev.aftersales.host.jooq.tables.records.NotifyMessagesRecord;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.TestShop;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A message being sent stays with the worker sending it: neither a send slower than the lease nor a test moving the
 * host's clock past the lease lets another worker send it again. The lease is one second here (three workers), so a
 * worker that did not renew it would lose the message within the slow webhook's three seconds.
 */
class DeliveryLeasesTest {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(FixturePlugins.pinger())
            .withProperty("aftersales.testkit.free-checks", "false") // the pinger ships a broken template on purpose
            .withProperty("aftersales.notify.workers", "3")
            .withProperty("aftersales.notify.poll-interval", "100ms")
            .withProperty("aftersales.notify.lease", "1s")
            .withProperty("aftersales.notify.webhook-timeout", "10s");

    private TestShop shop;
    private String path;

    @BeforeEach
    void webhookChannel() {
        shop = host.newShop().enable("pinger");
        shop.customer("anna", "anna-" + shop.id() + "@example.test", "en");
        path = "/slow-esp/" + shop.id();
        host.wireMock().stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
        shop.notifications().settings(Map.of("channel", "WEBHOOK", "webhookUrl", host.wireMock().baseUrl() + path,
                "capMax", 0));
    }

    @Test
    void aSendSlowerThanTheLeaseKeepsItsMessageAndGoesOutOnce() {
        Pings.toCustomers(shop, "ALERT", "anna");

        NotifyMessagesRecord sent = shop.notifications().awaitState("SENT", 1).getFirst();

        assertThat(sent.getAttempts()).isEqualTo(1);
        host.wireMock().verify(1, postRequestedFor(urlEqualTo(path)));
    }

    @Test
    void movingTheClockPastTheLeaseWhileAMessageIsSentDoesNotSendItAgain() {
        Pings.toCustomers(shop, "ALERT", "anna");
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> host.wireMock().findAll(postRequestedFor(urlEqualTo(path))).size() == 1);

        host.clock().advance(Duration.ofHours(1)); // the webhook is still answering
        shop.notifications().wakeUp();

        NotifyMessagesRecord sent = shop.notifications().awaitState("SENT", 1).getFirst();
        assertThat(sent.getAttempts()).isEqualTo(1);
        host.wireMock().verify(1, postRequestedFor(urlEqualTo(path)));
    }
}
