package dev.aftersales.plugins.stockalert;

import dev.aftersales.testkit.TestMails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.TestShop;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A restock of 5 units with 50 subscribers: batches sized to the stock, re-checked, the rest kept for later. */
class RestockBatchingIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPluginUnderTest();

    @Test
    void restockAlertsOldestFirstInBatchesSizedToStockAndEachSubscriberOnce(TestShop shop) {
        shop.enable(StockAlertFeature.ID);
        shop.settings(StockAlertFeature.ID, Map.of("batchMultiplier", 3, "batchIntervalMinutes", 10,
                "triggerDelayMinutes", 5));
        StockAlertStorefront alerts = new StockAlertStorefront(shop);
        alerts.stock("v-1", 1, 0);
        List<String> customers = IntStream.range(0, 50).mapToObj(i -> "c-" + i).toList();
        for (String customer : customers) {
            shop.customer(customer, address(shop, customer), "en");
            assertThat(alerts.subscribeAsCustomer(customer, "v-1").path("stockAlertSubscribe.stockAlert.status")
                    .asString()).isEqualTo("ACTIVE");
        }

        alerts.stock("v-1", 0, 5);
        host.clock().advance(Duration.ofMinutes(4));
        alerts.runBatches();
        assertThat(alerts.alerted()).as("within the trigger delay").isEmpty();

        host.clock().advance(Duration.ofMinutes(2));
        alerts.runBatches();
        assertThat(alerts.alerted()).as("first batch: 3 x 5 units, oldest first").isEqualTo(customers.subList(0, 15));
        // delivered before the clock moves on: a jump past the workers' lease would make the host send again
        shop.notifications().awaitState("SENT", 15);
        alerts.runBatches();
        assertThat(alerts.alerted()).as("the next batch waits for the interval").hasSize(15);

        host.clock().advance(Duration.ofMinutes(10));
        alerts.runBatches();
        assertThat(alerts.alerted()).as("second batch").isEqualTo(customers.subList(0, 30));
        shop.notifications().awaitState("SENT", 30);

        // sold out, and no event tells the feature: the re-check before the batch stops it
        shop.catalog().variant("v-1", "Alpine Jacket", "M", "189.00", 0);
        host.clock().advance(Duration.ofMinutes(10));
        alerts.runBatches();
        host.clock().advance(Duration.ofMinutes(10));
        alerts.runBatches();
        assertThat(alerts.alerted()).as("nothing while sold out").hasSize(30);
        assertThat(alerts.states().values().stream().filter("ACTIVE"::equals).count()).isEqualTo(20);

        // the next restock alerts the 20 still queued
        alerts.stock("v-1", 0, 10);
        host.clock().advance(Duration.ofMinutes(6));
        alerts.runBatches();
        assertThat(alerts.alerted()).isEqualTo(customers);
        assertThat(new HashSet<>(alerts.alerted())).hasSize(50);

        shop.notifications().awaitState("SENT", 50);
        for (String customer : customers) {
            assertThat(TestMails.to(host.mail(), address(shop, customer))).as(customer).hasSize(1);
        }
        assertThat(TestMails.subject(TestMails.to(host.mail(), address(shop, "c-0")).getFirst()))
                .isEqualTo("Alpine Jacket (M) is back in stock");

        // one more restock: everybody was alerted already, nobody gets a second mail
        alerts.stock("v-1", 10, 0);
        alerts.stock("v-1", 0, 8);
        host.clock().advance(Duration.ofMinutes(6));
        alerts.runBatches();
        assertThat(alerts.alerted()).hasSize(50);
        assertThat(alerts.states().values()).containsOnly("NOTIFIED");
    }

    private static String address(TestShop shop, String customer) {
        return customer + "-" + shop.id() + "@example.test";
    }
}
