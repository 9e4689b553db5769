package dev.aftersales.plugins.replenishment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.events.OrderPlaced;
import dev.aftersales.api.events.OrderReturned;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.ConcurrentCalls;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestMails;
import dev.aftersales.testkit.TestShop;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Reminders through the real host: order events, the due table, the daily job, the storefront and operator API. */
class ReplenishmentIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(
            Path.of(System.getProperty(AftersalesHost.PLUGIN_JAR_PROPERTY)),
            Path.of(System.getProperty("aftersales.testkit.connector-jar")));

    private static final Instant T0 = Instant.parse("2027-03-01T07:00:00Z");

    private static Instant day(int days) {
        return T0.plus(Duration.ofDays(days));
    }

    @Test
    void aFirstPurchaseIsRemindedLeadDaysBeforeItRunsOutInTheCustomersLanguage(TestShop shop) {
        Consumables consumables = Consumables.shop(host, shop);
        String address = "anna@" + shop.id() + ".example.org"; // GreenMail is shared by the class's tests
        shop.customer("anna", address, "de");
        host.clock().set(T0);
        consumables.order("o-1", "anna", T0, "shampoo", 2, 0, "jacket", 1, 0);

        JsonNode items = consumables.items("anna");
        assertThat(items).hasSize(1); // the jacket has no usage days
        assertThat(items.get(0).path("dueAt").asString()).isEqualTo(day(60).toString());
        assertThat(items.get(0).path("remindAt").asString()).isEqualTo(day(55).toString());
        assertThat(items.get(0).path("rule").asString()).isEqualTo("USAGE_DAYS");

        host.clock().set(day(54));
        assertThat(consumables.remind()).isEmpty();
        host.clock().set(day(55));
        assertThat(consumables.remind()).hasSize(1);
        assertThat(consumables.remind()).as("a second run sends nothing twice").hasSize(1);

        MimeMessage mail = TestMails.await(shop, host.mail(), address, 1).getFirst();
        assertThat(TestMails.subject(mail)).isEqualTo("Geht Mountain Shampoo bald zur Neige?");
        assertThat(TestMails.text(mail)).contains("Mountain Shampoo 250 ml × 2, je 7,90").contains("2027")
                .contains("Erneut kaufen");
        assertThat(consumables.item("anna", "shampoo").path("remindAt").isNull()).isTrue();
    }

    @Test
    void oneMailListsEveryDueItemOfACustomer(TestShop shop) {
        Consumables consumables = Consumables.shop(host, shop);
        host.clock().set(T0);
        consumables.order("o-1", "ben", T0, "shampoo", 1, 0);
        consumables.order("o-2", "ben", day(8), "conditioner", 1, 0);
        consumables.order("o-3", "cleo", day(2), "shampoo", 1, 0);

        host.clock().set(day(27)); // shampoo runs out on day 30 (ben) and 32 (cleo), the conditioner on day 28

        List<JsonNode> reminders = consumables.remind();
        assertThat(reminders).hasSize(2);
        JsonNode ben = reminders.stream().filter(r -> r.path("customerId").asString().equals("ben")).findFirst()
                .orElseThrow();
        assertThat(ben.path("data").path("items")).hasSize(2);
        assertThat(ben.path("data").path("count").asInt()).isEqualTo(2);
    }

    @Test
    void twoPurchasesTeachTheCustomersOwnInterval(TestShop shop) {
        Consumables consumables = Consumables.shop(host, shop);
        host.clock().set(T0);
        consumables.order("o-1", "anna", T0, "shampoo", 1, 0);
        consumables.order("o-2", "anna", day(20), "shampoo", 2, 0);

        JsonNode item = consumables.item("anna", "shampoo");
        assertThat(item.path("rule").asString()).isEqualTo("CUSTOMER_MEDIAN");
        assertThat(item.path("daysPerUnit").asDouble()).isEqualTo(20.0);
        assertThat(item.path("dueAt").asString()).isEqualTo(day(60).toString());

        // the same order again changes nothing; an older order arriving late teaches, but starts no new cycle
        consumables.order("o-2", "anna", day(20), "shampoo", 2, 0);
        consumables.order("o-0", "anna", day(-20), "shampoo", 1, 0);
        JsonNode after = consumables.item("anna", "shampoo");
        assertThat(after.path("dueAt").asString()).isEqualTo(day(60).toString());
        assertThat(after.path("units").asInt()).isEqualTo(2);
    }

    @Test
    void enoughRepeatBuyersMakeTheShopMedianTheDefault(TestShop shop) {
        Consumables consumables = Consumables.shop(host, shop);
        shop.settings(ReplenishmentFeature.ID, Map.of("minRepeatBuyers", 1));
        host.clock().set(T0);
        consumables.order("o-1", "ben", T0, "shampoo", 1, 0);
        consumables.order("o-2", "ben", day(10), "shampoo", 1, 0);
        consumables.order("o-3", "cleo", day(12), "shampoo", 1, 0);
        assertThat(consumables.item("cleo", "shampoo").path("rule").asString()).isEqualTo("USAGE_DAYS");

        consumables.order("o-4", "ben", day(20), "shampoo", 1, 0); // ben's third purchase: 10 days per unit

        JsonNode cleo = consumables.item("cleo", "shampoo");
        assertThat(cleo.path("rule").asString()).isEqualTo("SHOP_MEDIAN");
        assertThat(cleo.path("dueAt").asString()).isEqualTo(day(22).toString());
        JsonNode timing = shop.admin().execute("""
                { shop(id: "%s") { replenishment { variantTiming(variantId: "shampoo") {
                  usageDays repeatBuyers medianDays defaultRule } } } }""".formatted(shop.id()))
                .assertNoErrors().path("shop.replenishment.variantTiming");
        assertThat(timing.path("repeatBuyers").asInt()).isEqualTo(1);
        assertThat(timing.path("medianDays").asDouble()).isEqualTo(10.0);
        assertThat(timing.path("defaultRule").asString()).isEqualTo("SHOP_MEDIAN");
    }

    @Test
    void buyingAgainOrReturningBeforeTheReminderSendsNone(TestShop shop) {
        Consumables consumables = Consumables.shop(host, shop);
        host.clock().set(T0);
        consumables.order("o-1", "anna", T0, "shampoo", 1, 0);
        consumables.order("o-2", "anna", day(20), "shampoo", 1, 0);
        consumables.order("o-3", "ben", T0, "conditioner", 1, 0);
        consumables.save("o-3", "ben", T0, Order.OrderStatus.RETURNED, "conditioner", 1, 1);
        shop.publish(new OrderReturned("o-3", "ben"));

        host.clock().set(day(30));

        assertThat(consumables.remind()).isEmpty(); // anna's cycle starts on day 20, ben sent his back
        assertThat(consumables.items("ben")).isEmpty();
    }

    @Test
    void customersSnoozeSkipSetTheirIntervalAndStop(TestShop shop) {
        Consumables consumables = Consumables.shop(host, shop);
        host.clock().set(T0);
        consumables.order("o-1", "anna", T0, "shampoo", 1, 0, "conditioner", 1, 0);

        GraphQlResult snoozed = consumables.mutate("anna", "replenishmentSnooze", "ReplenishmentSnoozeInput",
                Map.of("variantId", "shampoo", "days", 30));
        assertThat(snoozed.path("replenishmentSnooze.item.remindAt").asString()).isEqualTo(day(30).toString());
        GraphQlResult skipped = consumables.mutate("anna", "replenishmentSkip", "ReplenishmentItemInput",
                Map.of("variantId", "conditioner"));
        assertThat(skipped.path("replenishmentSkip.item.dueAt").asString()).isEqualTo(day(40).toString());

        host.clock().set(day(26));
        assertThat(consumables.remind()).isEmpty();
        host.clock().set(day(30));
        assertThat(consumables.remind()).hasSize(1);

        GraphQlResult own = consumables.mutate("anna", "replenishmentIntervalSet", "ReplenishmentIntervalSetInput",
                Map.of("variantId", "conditioner", "intervalDays", 45));
        assertThat(own.path("replenishmentIntervalSet.item.rule").asString()).isEqualTo("OWN_INTERVAL");
        assertThat(own.path("replenishmentIntervalSet.item.dueAt").asString()).isEqualTo(day(90).toString());
        GraphQlResult stopped = consumables.mutate("anna", "replenishmentStop", "ReplenishmentStopInput",
                Map.of("variantId", "conditioner"));
        assertThat(stopped.path("replenishmentStop.item.stopped").asBoolean()).isTrue();
        host.clock().set(day(120));
        assertThat(consumables.remind()).hasSize(1);
    }

    @Test
    void badInputIsAUserErrorAndChangesNothing(TestShop shop) {
        Consumables consumables = Consumables.shop(host, shop);
        host.clock().set(T0);
        consumables.order("o-1", "anna", T0, "shampoo", 0, 0, "conditioner", 5000, 0, "jacket", 1, 0);

        for (int days : new int[] {0, 366}) {
            GraphQlResult result = consumables.mutate("anna", "replenishmentIntervalSet",
                    "ReplenishmentIntervalSetInput", Map.of("variantId", "conditioner", "intervalDays", days));
            assertThat(result.path("replenishmentIntervalSet.userErrors[0].code").asString()).isEqualTo("INVALID");
        }
        for (String variant : new String[] {"jacket", "shampoo", "unknown"}) {
            GraphQlResult result = consumables.mutate("anna", "replenishmentSkip", "ReplenishmentItemInput",
                    Map.of("variantId", variant));
            assertThat(result.path("replenishmentSkip.userErrors[0].code").asString()).isEqualTo("NOT_FOUND");
        }
        GraphQlResult guest = shop.storefront().execute("""
                mutation { replenishmentSkip(input: {variantId: "shampoo"}) { userErrors { code } } }""");
        assertThat(guest.errorCodes()).containsExactly("UNAUTHENTICATED");
        // 5000 units count as maxUnits (12) × 20 days
        JsonNode conditioner = consumables.item("anna", "conditioner");
        assertThat(conditioner.path("units").asInt()).isEqualTo(12);
        assertThat(conditioner.path("intervalDays").isNull()).isTrue();
        GraphQlResult usage = shop.admin().execute("""
                mutation { replenishmentUsageSet(input: {shopId: "%s", variantId: "jacket", usageDays: 0}) {
                  userErrors { code } } }""".formatted(shop.id()));
        assertThat(usage.path("replenishmentUsageSet.userErrors[0].code").asString()).isEqualTo("INVALID");
        JsonNode unconfigured = shop.admin().execute("""
                { shop(id: "%s") { replenishment { unconfigured { variantId customers } } } }""".formatted(shop.id()))
                .assertNoErrors().path("shop.replenishment.unconfigured");
        assertThat(unconfigured.get(0).path("variantId").asString()).isEqualTo("jacket");
    }

    @Test
    void manyDoubleClicksOnOneItemAllSucceed(TestShop shop) {
        Consumables consumables = Consumables.shop(host, shop);
        host.clock().set(T0);
        consumables.order("o-1", "anna", T0, "shampoo", 1, 0);

        ConcurrentCalls.run(6, 8, (thread, call) -> shop.storefront("anna").execute("""
                mutation { replenishmentSkip(input: {variantId: "shampoo"}) { userErrors { code } } }"""))
                .assertNoFailures();

        // 48 skips, each one cycle of 30 days later, none lost
        assertThat(consumables.item("anna", "shampoo").path("dueAt").asString()).isEqualTo(day(30 * 49).toString());
    }

    @Test
    void ordersOfManyCustomersAtOnceAreAllLearnedFrom(TestShop shop) throws Exception {
        Consumables consumables = Consumables.shop(host, shop);
        shop.settings(ReplenishmentFeature.ID, Map.of("minRepeatBuyers", 1));
        host.clock().set(T0);
        int customers = 8;
        for (int c = 0; c < customers; c++) {
            consumables.order("a-" + c, "c-" + c, T0, "shampoo", 1, 0);
            consumables.order("b-" + c, "c-" + c, day(10), "shampoo", 1, 0);
            consumables.save("c-" + c, "c-" + c, day(20), Order.OrderStatus.PLACED, "shampoo", 1, 0);
        }

        // every third purchase updates the variant's shop-wide median row at the same moment
        try (ExecutorService events = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Integer>> failures = IntStream.range(0, customers)
                    .mapToObj(c -> events.submit(() -> shop.publish(new OrderPlaced("c-" + c, "c-" + c)))).toList();
            for (Future<Integer> failed : failures) {
                assertThat(failed.get()).isZero();
            }
        }

        JsonNode timing = shop.admin().execute("""
                { shop(id: "%s") { replenishment { variantTiming(variantId: "shampoo") { repeatBuyers medianDays } } } }"""
                .formatted(shop.id())).assertNoErrors().path("shop.replenishment.variantTiming");
        assertThat(timing.path("repeatBuyers").asInt()).isEqualTo(customers);
        assertThat(timing.path("medianDays").asDouble()).isEqualTo(10.0);
    }

    @Test
    void operatorsChangeUsageDaysAndSeeTheReport(TestShop shop) {
        Consumables consumables = Consumables.shop(host, shop);
        host.clock().set(T0);
        consumables.order("o-1", "anna", T0, "shampoo", 1, 0);
        consumables.usage("variantId", "shampoo", 10);
        assertThat(consumables.item("anna", "shampoo").path("dueAt").asString()).isEqualTo(day(10).toString());

        host.clock().set(day(6));
        assertThat(consumables.remind()).hasSize(1);
        consumables.order("o-2", "anna", day(7), "shampoo", 3, 0);

        JsonNode report = shop.admin().execute("""
                { shop(id: "%s") { replenishment { report(days: 30) { remindersSent clicked reordered
                  revenue { amount currency } dueNext7Days } customerItems(customerId: "anna") { rule } } } }"""
                .formatted(shop.id())).assertNoErrors().path("shop.replenishment");
        assertThat(report.path("report").path("remindersSent").asInt()).isEqualTo(1);
        assertThat(report.path("report").path("reordered").asInt()).isEqualTo(1);
        assertThat(report.path("report").path("revenue").get(0).path("amount").asDouble()).isEqualTo(23.70);
        // the second purchase taught anna's own pace: 7 days per unit
        assertThat(report.path("customerItems").get(0).path("rule").asString()).isEqualTo("CUSTOMER_MEDIAN");

        consumables.usage("variantId", "shampoo", null);
        assertThat(consumables.items("anna")).isEmpty();
    }

    @Test
    void exportAndEraseCoverEveryRowOfTheCustomer(TestShop shop) {
        Consumables consumables = Consumables.shop(host, shop);
        shop.customer("anna", "anna@" + shop.id() + ".example.org", "en");
        host.clock().set(T0);
        consumables.order("o-1", "anna", T0, "shampoo", 1, 0);
        host.clock().set(day(26));
        consumables.remind();
        consumables.order("o-2", "anna", day(27), "shampoo", 1, 0);

        Map<String, Object> export = shop.export(ReplenishmentFeature.ID, "anna");
        assertThat(export).containsKeys("items", "purchases", "reminders", "reorders");
        assertThat((List<?>) export.get("purchases")).hasSize(2);
        assertThat((List<?>) export.get("reorders")).hasSize(1);

        shop.erase(ReplenishmentFeature.ID, "anna");
        assertThat(shop.personalData("anna", "anna@" + shop.id() + ".example.org"))
                .noneMatch(place -> place.startsWith("replenishment"));
    }
}
