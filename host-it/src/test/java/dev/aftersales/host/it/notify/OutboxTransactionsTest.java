package dev.aftersales.host.it.notify;

import static dev.aftersales.host.jooq.Tables.NOTIFY_MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestMails;
import dev.aftersales.testkit.TestShop;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A plugin enqueues in its own transaction: what it rolls back never leaves, what it commits leaves once. */
class OutboxTransactionsTest {

    @RegisterExtension
    static final AftersalesHost host = NotifyHosts.PRIMARY;

    private TestShop shop;
    private String anna;

    @BeforeEach
    void shop() {
        shop = host.newShop().enable("pinger");
        anna = "anna-" + shop.id() + "@example.test";
        shop.customer("anna", anna, "en");
    }

    @Test
    void aRolledBackTransactionLeavesNoOutboxRowAndACommittedOneSendsOnce() {
        GraphQlResult failed = Pings.sendRaw(shop, Map.of("customerIds", List.of("anna"), "category", "ALERT",
                "dedupeKey", "rollback", "fail", true));

        assertThat(failed.errorCodes()).containsExactly("INTERNAL");
        assertThat(shop.sql().fetchCount(NOTIFY_MESSAGES, NOTIFY_MESSAGES.SHOP_ID.eq(shop.id()))).isZero();

        List<String> ids = Pings.send(shop, Map.of("customerIds", List.of("anna"), "category", "ALERT",
                "dedupeKey", "commit"));
        shop.notifications().awaitState("SENT", 1);
        assertThat(TestMails.await(host.mail(), anna, 1)).hasSize(1);
        assertThat(TestMails.header(TestMails.to(host.mail(), anna).getFirst(), "Message-ID")).startsWith("<" + ids.getFirst() + "@");
    }

    @Test
    void theSameDedupeKeyQueuesOneMessage() {
        Map<String, Object> input = Map.of("customerIds", List.of("anna"), "category", "ALERT", "dedupeKey", "once");
        List<String> first = Pings.send(shop, input);
        GraphQlResult second = Pings.sendRaw(shop, input).assertNoErrors();

        assertThat(second.path("pingerSend.duplicates").asInt()).isEqualTo(1);
        assertThat(second.path("pingerSend.messageIds[0]").asString()).isEqualTo(first.getFirst());
        shop.notifications().awaitState("SENT", 1);
        assertThat(shop.notifications().messages()).hasSize(1);
    }

    @Test
    void enqueueAllQueuesInOrderAndReturnsTheEarlierMessageForAKnownDedupeKey() {
        shop.customer("bob", "bob-" + shop.id() + "@example.test", "en");
        List<String> single = Pings.send(shop, Map.of("customerIds", List.of("anna"), "category", "ALERT",
                "dedupeKey", "fan-out"));

        GraphQlResult batch = Pings.sendRaw(shop, Map.of("customerIds", List.of("anna", "bob"), "category", "ALERT",
                "dedupeKey", "fan-out", "batch", true)).assertNoErrors();

        assertThat(batch.path("pingerSend.duplicates").asInt()).isEqualTo(1);
        assertThat(batch.path("pingerSend.messageIds[0]").asString()).isEqualTo(single.getFirst());
        String bobs = batch.path("pingerSend.messageIds[1]").asString();
        assertThat(bobs).isNotEqualTo(single.getFirst());
        shop.notifications().awaitState("SENT", 2);
        assertThat(shop.notifications().messages()).hasSize(2);
        assertThat(TestMails.header(TestMails.await(host.mail(), "bob-" + shop.id() + "@example.test", 1).getFirst(),
                "Message-ID")).startsWith("<" + bobs + "@");
    }

    @Test
    void aRolledBackEnqueueAllLeavesNoOutboxRow() {
        GraphQlResult failed = Pings.sendRaw(shop, Map.of("customerIds", List.of("anna", "anna"), "category", "ALERT",
                "dedupeKey", "rollback-all", "batch", true, "fail", true));

        assertThat(failed.errorCodes()).containsExactly("INTERNAL");
        assertThat(shop.sql().fetchCount(NOTIFY_MESSAGES, NOTIFY_MESSAGES.SHOP_ID.eq(shop.id()))).isZero();
    }

    @Test
    void aTemplateTheFeatureDoesNotShipIsRefusedWhenEnqueued() {
        GraphQlResult result = Pings.sendRaw(shop, Map.of("customerIds", List.of("anna"), "category", "ALERT",
                "dedupeKey", "no-template", "template", "no-such-template"));

        assertThat(result.errorCodes()).containsExactly("INTERNAL");
        assertThat(shop.notifications().messages()).isEmpty();
    }
}
