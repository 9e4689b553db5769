package com.example.thankyou;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.events.CustomerDeleted;
import dev.aftersales.api.events.OrderPlaced;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.TestMails;
import dev.aftersales.testkit.TestShop;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The packaged plugin in a real host: the testkit's free checks run first, then these tests. */
class ThankYouIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPluginUnderTest();

    @Test
    void aCustomersFirstOrderIsThankedOnceInTheirLanguage(TestShop shop) {
        shop.enable("thank-you").customer("anna", "anna-" + shop.id() + "@example.test", "de");
        order(shop, "1001", "anna");

        shop.publish(new OrderPlaced("1001", "anna"));
        shop.publish(new OrderPlaced("1001", "anna")); // a duplicate delivery changes nothing

        List<MimeMessage> mails = TestMails.await(host.mail(), "anna-" + shop.id() + "@example.test", 1);
        assertThat(TestMails.subject(mails.getFirst())).isEqualTo("Danke für Ihre erste Bestellung");
        assertThat(TestMails.text(mails.getFirst())).contains("(1001)");
        order(shop, "1002", "anna");
        shop.publish(new OrderPlaced("1002", "anna"));
        assertThat(shop.notifications().messages()).hasSize(1);
    }

    @Test
    void aCustomerWhoOrderedBeforeIsNotThanked(TestShop shop) {
        shop.enable("thank-you").customer("ben", "ben-" + shop.id() + "@example.test", "en");
        order(shop, "2001", "ben");
        host.clock().advance(Duration.ofDays(3));
        order(shop, "2002", "ben");

        shop.publish(new OrderPlaced("2002", "ben"));

        assertThat(shop.notifications().messages()).isEmpty();
    }

    @Test
    void manyDeliveriesOfTheFirstOrderAtOnceQueueOneMail(TestShop shop) {
        shop.enable("thank-you").customer("cleo", "cleo-" + shop.id() + "@example.test", "en");
        order(shop, "3001", "cleo");

        int failedListeners = IntStream.range(0, 8).parallel()
                .map(delivery -> shop.publish(new OrderPlaced("3001", "cleo"))).sum();

        assertThat(failedListeners).isZero();
        assertThat(shop.notifications().messages()).hasSize(1);
    }

    @Test
    void exportAndEraseCoverTheThankedCustomer(TestShop shop) {
        shop.enable("thank-you").customer("dora", "dora-" + shop.id() + "@example.test", "en");
        order(shop, "4001", "dora");
        shop.publish(new OrderPlaced("4001", "dora"));

        assertThat(shop.export("thank-you", "dora")).containsKey("thankedFor");
        shop.publish(new CustomerDeleted("dora"));
        assertThat(shop.export("thank-you", "dora")).isEmpty();
    }

    private static void order(TestShop shop, String orderId, String customerId) {
        shop.catalog().order(orderId, customerId, host.clock().instant()).line("v-1", 1, "20.00").save();
    }
}
