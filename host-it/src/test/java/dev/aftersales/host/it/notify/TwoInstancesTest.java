package dev.aftersales.host.it.notify;

import static dev.aftersales.host.jooq.Tables.CUSTOMERS;
import static dev.aftersales.host.jooq.Tables.NOTIFY_MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.host.jooq.tables.records.NotifyMessagesRecord;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.TestMails;
import dev.aftersales.testkit.TestShop;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two host instances (two application contexts, three workers each) on one database share the outbox: every message
 * goes out exactly once, and the messages a dead worker had claimed go out when its lease runs out.
 */
class TwoInstancesTest {

    @RegisterExtension
    static final AftersalesHost host = NotifyHosts.PRIMARY;

    @Test
    void twoInstancesDeliverAThousandMessagesNoneTwiceNoneLost() {
        AftersalesHost second = NotifyHosts.secondary();
        second.baseUrl(); // starts the second instance; its workers poll the same outbox
        TestShop shop = host.newShop().enable("pinger");
        shop.notifications().settings(Map.of("capMax", 0));
        String domain = shop.id() + ".bulk.test";
        DSLContext db = shop.sql();
        List<Query> customers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            customers.add(db.insertInto(CUSTOMERS).set(CUSTOMERS.SHOP_ID, shop.id()).set(CUSTOMERS.CUSTOMER_ID, "c-" + i)
                    .set(CUSTOMERS.EMAIL, "u" + i + "@" + domain).set(CUSTOMERS.LOCALE, "en")
                    .set(CUSTOMERS.SOURCE_UPDATED_AT, LocalDateTime.now(ZoneOffset.UTC)));
        }
        db.batch(customers).execute();

        List<String> ids = Pings.send(shop, Map.of("customerPrefix", "c-", "count", 1000, "category", "ALERT"));

        assertThat(ids).hasSize(1000);
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> shop.notifications().count("SENT") == 1000);
        List<MimeMessage> mails = TestMails.await(host.mail(), "@" + domain, 1000);
        assertThat(mails).hasSize(1000);
        Set<String> messageIds = mails.stream().map(mail -> TestMails.header(mail, "Message-ID")).collect(Collectors.toSet());
        assertThat(messageIds).hasSize(1000);
        assertThat(ids).allSatisfy(id -> assertThat(messageIds).contains("<" + id + "@localhost>"));
        Set<String> instances = shop.notifications().messages().stream()
                .map(row -> row.getSentBy().substring(0, row.getSentBy().indexOf('/'))).collect(Collectors.toSet());
        assertThat(instances).containsExactlyInAnyOrder("instance-a", "instance-b");
        assertThat(shop.notifications().messages()).allSatisfy(row -> assertThat(row.getAttempts()).isEqualTo(1));
    }

    @Test
    void theMessagesOfAWorkerThatDiedAfterClaimingGoOutWhenItsLeaseRunsOut(TestShop shop) {
        shop.enable("pinger").notifications().settings(Map.of("capMax", 0));
        String domain = shop.id() + ".crash.test";
        for (int i = 0; i < 5; i++) {
            shop.customer("k-" + i, "k" + i + "@" + domain, "en");
        }
        Pings.send(shop, Map.of("customerPrefix", "k-", "count", 5, "category", "ALERT", "notBeforeMinutes", 10));
        // a worker claimed them (leases run on the real clock; two seconds left) and died before sending anything
        LocalDateTime now = LocalDateTime.ofInstant(host.clock().instant(), ZoneOffset.UTC);
        assertThat(shop.sql().update(NOTIFY_MESSAGES).set(NOTIFY_MESSAGES.STATE, "SENDING")
                .set(NOTIFY_MESSAGES.ATTEMPTS, 1).set(NOTIFY_MESSAGES.NEXT_ATTEMPT_AT, now)
                .set(NOTIFY_MESSAGES.LEASE_UNTIL, LocalDateTime.now(ZoneOffset.UTC).plusSeconds(2))
                .where(NOTIFY_MESSAGES.SHOP_ID.eq(shop.id())).execute()).isEqualTo(5);
        host.clock().advance(Duration.ofHours(1)); // the host's clock does not run leases out
        shop.notifications().wakeUp();
        assertThat(shop.notifications().count("SENDING")).isEqualTo(5); // still leased: nobody touches them

        List<NotifyMessagesRecord> sent = shop.notifications().awaitState("SENT", 5);

        assertThat(sent).allSatisfy(row -> assertThat(row.getAttempts()).isEqualTo(2));
        assertThat(TestMails.await(host.mail(), "@" + domain, 5)).hasSize(5);
    }
}
