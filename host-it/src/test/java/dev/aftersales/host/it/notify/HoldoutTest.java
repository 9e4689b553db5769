package dev.aftersales.host.it.notify;

import static dev.aftersales.host.jooq.Tables.HOLDOUT_MEMBERS;
import static dev.aftersales.host.jooq.Tables.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.aftersales.host.jooq.tables.records.NotifyMessagesRecord;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.ConcurrentCalls;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestMails;
import dev.aftersales.testkit.TestShop;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Holdout groups: held-out customers' messages are recorded where they are enqueued and never delivered, membership
 * is sticky per draw and the same on every instance, and the lift report finds a known effect in generated data.
 */
class HoldoutTest {

    @RegisterExtension
    static final AftersalesHost host = NotifyHosts.PRIMARY;

    private static final String SET = """
            mutation($input: HoldoutSetInput!) { holdoutSet(input: $input) {
              group { feature drawNo sharePercent startedAt endedAt } userErrors { field code message } } }""";
    private static final String LIFT = "shop.holdouts.liftReport.";
    private static final String REPORT = """
            query($shop: ID!, $feature: String!, $from: DateTime) { shop(id: $shop) { holdouts {
              liftReport(feature: $feature, from: $from, windowDays: 30) {
                currency verdict message method
                treated { customers convertedCustomers orders conversionRate revenue revenuePerCustomer }
                heldOut { customers convertedCustomers orders conversionRate revenue revenuePerCustomer }
                conversionDifference { estimate low high }
                revenuePerCustomerDifference { estimate low high } } } } }""";

    @Test
    void heldOutMessagesAreRecordedNeverDeliveredAndCounted(TestShop shop) {
        shop.enable("pinger").notifications().settings(Map.of("capMax", 0));
        holdout(shop, "pinger", 50, false).assertNoErrors();
        String domain = shop.id() + ".holdout.test";
        List<String> customers = customers(shop, "h-", 40, domain);

        Pings.send(shop, Map.of("customerIds", customers, "category", "ALERT", "batch", true));

        Set<String> heldOut = heldOutCustomers(shop);
        assertThat(heldOut).isNotEmpty().hasSizeLessThan(40);
        shop.notifications().awaitState("SENT", 40 - heldOut.size());
        assertThat(shop.notifications().count("HELD_OUT")).isEqualTo(heldOut.size());
        Set<String> mailed = TestMails.await(host.mail(), "@" + domain, 40 - heldOut.size()).stream()
                .map(mail -> TestMails.header(mail, "To")).collect(Collectors.toSet());
        heldOut.forEach(customer -> assertThat(mailed).noneMatch(to -> to.contains(customer + "@")));
        shop.notifications().wakeUp();
        assertThat(shop.notifications().count("HELD_OUT")).isEqualTo(heldOut.size());
        assertThat(shop.notifications().count("SENT")).isEqualTo(40 - heldOut.size());

        GraphQlResult report = report(shop, "pinger");
        assertThat(report.path(LIFT + "treated.customers").asInt()).isEqualTo(40 - heldOut.size());
        assertThat(report.path(LIFT + "heldOut.customers").asInt()).isEqualTo(heldOut.size());
        assertThat(report.path(LIFT + "verdict").asString()).isEqualTo("TOO_FEW_CUSTOMERS");
        assertThat(report.path(LIFT + "message").asString()).startsWith("Too few customers to tell yet");
    }

    @Test
    void transactionalMessagesAndGuestsAreNeverHeldOut(TestShop shop) {
        shop.enable("pinger").notifications().settings(Map.of("capMax", 0));
        holdout(shop, "pinger", 50, false).assertNoErrors();
        List<String> customers = customers(shop, "t-", 20, shop.id() + ".tx.test");

        Pings.send(shop, Map.of("customerIds", customers, "category", "TRANSACTIONAL", "batch", true));
        Pings.toGuest(shop, "TRANSACTIONAL", "guest@" + shop.id() + ".tx.test", "en");

        shop.notifications().awaitState("SENT", 21);
        assertThat(shop.notifications().count("HELD_OUT")).isZero();
        assertThat(shop.sql().fetchCount(HOLDOUT_MEMBERS, HOLDOUT_MEMBERS.SHOP_ID.eq(shop.id()))).isZero();
    }

    @Test
    void aCustomerStaysInTheirGroupAcrossRunsAndInstancesUntilTheOperatorRedraws(TestShop shop) {
        shop.enable("pinger").notifications().settings(Map.of("capMax", 0));
        holdout(shop, "pinger", 30, false).assertNoErrors();
        List<String> customers = customers(shop, "s-", 100, shop.id() + ".sticky.test");

        Pings.send(shop, Map.of("customerIds", customers, "category", "ALERT", "batch", true));
        Set<String> first = heldOutCustomers(shop);
        Pings.send(shop, Map.of("customerIds", customers, "category", "ALERT", "batch", true));
        AftersalesHost second = NotifyHosts.secondary();
        Pings.send(second.client("/graphql", Map.of("X-Shop-Id", shop.id())),
                Map.of("customerIds", customers, "category", "ALERT", "batch", true));

        List<NotifyMessagesRecord> heldOut = shop.notifications().messages().stream()
                .filter(row -> row.getState().equals("HELD_OUT")).toList();
        assertThat(heldOut).hasSize(3 * first.size());
        assertThat(heldOut.stream().map(NotifyMessagesRecord::getCustomerId).collect(Collectors.toSet()))
                .isEqualTo(first);
        assertThat(first.size()).isBetween(15, 45);

        GraphQlResult redraw = holdout(shop, "pinger", 30, true).assertNoErrors();
        assertThat(redraw.path("holdoutSet.group.drawNo").asInt()).isEqualTo(2);
        Pings.send(shop, Map.of("customerIds", customers, "category", "ALERT", "batch", true));
        Set<String> redrawn = shop.sql().select(HOLDOUT_MEMBERS.CUSTOMER_ID).from(HOLDOUT_MEMBERS)
                .where(HOLDOUT_MEMBERS.SHOP_ID.eq(shop.id()).and(HOLDOUT_MEMBERS.DRAW_NO.eq(2))
                        .and(HOLDOUT_MEMBERS.HELD_OUT.isTrue()))
                .fetchSet(HOLDOUT_MEMBERS.CUSTOMER_ID);
        assertThat(redrawn).isNotEqualTo(first);
        assertThat(shop.sql().fetchCount(HOLDOUT_MEMBERS, HOLDOUT_MEMBERS.SHOP_ID.eq(shop.id())
                .and(HOLDOUT_MEMBERS.DRAW_NO.eq(1)))).isEqualTo(100);
    }

    @Test
    void theLiftReportFindsAKnownEffectInTenThousandCustomers(TestShop shop) {
        holdout(shop, "pinger", 30, false).assertNoErrors();
        // generated: 7,000 treated of whom 12 % ordered 50 EUR, 3,000 held out of whom 8 % did
        LocalDateTime messaged = LocalDateTime.ofInstant(host.clock().instant(), ZoneOffset.UTC).minusDays(10);
        DSLContext db = shop.sql();
        for (int from = 0; from < 10_000; from += 1000) {
            var members = db.insertInto(HOLDOUT_MEMBERS, HOLDOUT_MEMBERS.SHOP_ID, HOLDOUT_MEMBERS.FEATURE_ID,
                    HOLDOUT_MEMBERS.DRAW_NO, HOLDOUT_MEMBERS.CUSTOMER_ID, HOLDOUT_MEMBERS.HELD_OUT,
                    HOLDOUT_MEMBERS.FIRST_MESSAGE_AT);
            var orders = db.insertInto(ORDERS, ORDERS.SHOP_ID, ORDERS.ORDER_ID, ORDERS.CUSTOMER_ID, ORDERS.PLACED_AT,
                    ORDERS.STATUS, ORDERS.TOTAL, ORDERS.CURRENCY);
            boolean anyOrder = false;
            for (int i = from; i < from + 1000; i++) {
                boolean heldOut = i >= 7000;
                members = members.values(shop.id(), "pinger", 1, "g-" + i, heldOut, messaged);
                if (heldOut ? i - 7000 < 240 : i < 840) {
                    orders = orders.values(shop.id(), "o-" + i, "g-" + i, messaged.plusDays(3), "PLACED",
                            new BigDecimal("50.00"), "EUR");
                    anyOrder = true;
                }
            }
            members.execute();
            if (anyOrder) {
                orders.execute();
            }
        }

        GraphQlResult report = report(shop, "pinger");

        assertThat(report.path(LIFT + "treated.customers").asInt()).isEqualTo(7000);
        assertThat(report.path(LIFT + "heldOut.customers").asInt()).isEqualTo(3000);
        assertThat(report.path(LIFT + "treated.conversionRate").asDouble()).isCloseTo(12.0, within(1e-6));
        assertThat(report.path(LIFT + "heldOut.conversionRate").asDouble()).isCloseTo(8.0, within(1e-6));
        assertThat(report.path(LIFT + "conversionDifference.estimate").asDouble()).isCloseTo(4.0, within(1e-6));
        assertThat(report.path(LIFT + "conversionDifference.low").asDouble()).isBetween(0.0, 4.0);
        assertThat(report.path(LIFT + "conversionDifference.high").asDouble()).isGreaterThan(4.0);
        assertThat(report.path(LIFT + "revenuePerCustomerDifference.estimate").asDouble()).isCloseTo(2.0, within(1e-6));
        assertThat(report.path(LIFT + "revenuePerCustomerDifference.low").asDouble()).isPositive();
        assertThat(new BigDecimal(report.path(LIFT + "treated.revenue").asString())).isEqualByComparingTo("42000");
        assertThat(report.path(LIFT + "currency").asString()).isEqualTo("EUR");
        assertThat(report.path(LIFT + "verdict").asString()).isEqualTo("LIFT");
        assertThat(report.path(LIFT + "method").asString()).contains("Welch");
    }

    @Test
    void aShareOutOfRangeIsRefusedAndChangesNothing(TestShop shop) {
        GraphQlResult tooHigh = holdout(shop, "pinger", 51, false).assertNoErrors();
        GraphQlResult negative = holdout(shop, "pinger", -1, false).assertNoErrors();
        GraphQlResult badFeature = holdout(shop, "Not A Feature", 10, false).assertNoErrors();

        assertThat(tooHigh.path("holdoutSet.userErrors[0].code").asString()).isEqualTo("INVALID");
        assertThat(tooHigh.path("holdoutSet.userErrors[0].field[1]").asString()).isEqualTo("sharePercent");
        assertThat(negative.path("holdoutSet.userErrors[0].code").asString()).isEqualTo("INVALID");
        assertThat(badFeature.path("holdoutSet.userErrors[0].field[1]").asString()).isEqualTo("feature");
        GraphQlResult groups = shop.admin().execute("query($shop: ID!) { shop(id: $shop) { holdouts { groups { drawNo } } } }",
                Map.of("shop", shop.id())).assertNoErrors();
        assertThat(groups.path("shop.holdouts.groups").size()).isZero();
    }

    @Test
    void aReportOfAFeatureWithoutGroupOrWithABadWindowIsAClientError(TestShop shop) {
        GraphQlResult noGroup = shop.admin().execute("query($shop: ID!) { shop(id: $shop) { holdouts {"
                + " liftReport(feature: \"pinger\") { verdict } } } }", Map.of("shop", shop.id()));
        GraphQlResult badWindow = shop.admin().execute("query($shop: ID!) { shop(id: $shop) { holdouts {"
                + " liftReport(feature: \"pinger\", from: \"2026-01-01T00:00:00Z\", windowDays: 0) { verdict } } } }",
                Map.of("shop", shop.id()));

        assertThat(noGroup.errorCodes()).containsExactly("NOT_FOUND");
        assertThat(badWindow.errorCodes()).containsExactly("BAD_REQUEST");
    }

    @Test
    void manyOperatorsSettingTheShareAtOnceLeaveOneDrawInForce(TestShop shop) {
        ConcurrentCalls.run(6, 5, (thread, call) -> shop.admin().execute(SET, Map.of("input",
                        Map.of("shopId", shop.id(), "feature", "pinger", "sharePercent", 10 + thread, "redraw", call % 2 == 0))))
                .assertNoFailures();

        GraphQlResult history = shop.admin().execute("query($shop: ID!) { shop(id: $shop) { holdouts {"
                + " groups { drawNo } history(feature: \"pinger\") { drawNo endedAt } } } }", Map.of("shop", shop.id()))
                .assertNoErrors();
        assertThat(history.path("shop.holdouts.groups").size()).isEqualTo(1);
        int draws = history.path("shop.holdouts.history").size();
        assertThat(history.path("shop.holdouts.groups[0].drawNo").asInt()).isEqualTo(draws);
        assertThat(history.path("shop.holdouts.history[0].endedAt").isNull()).isTrue();
        for (int i = 1; i < draws; i++) {
            assertThat(history.path("shop.holdouts.history[" + i + "].endedAt").isNull()).isFalse();
        }
    }

    @Test
    void erasingACustomerRemovesTheirMembership(TestShop shop) {
        shop.enable("pinger");
        holdout(shop, "pinger", 50, false).assertNoErrors();
        String email = "erase-me@" + shop.id() + ".erase.test";
        shop.customer("erase-me", email, "en");
        Pings.send(shop, Map.of("customerIds", List.of("erase-me"), "category", "ALERT"));
        assertThat(shop.sql().fetchCount(HOLDOUT_MEMBERS, HOLDOUT_MEMBERS.SHOP_ID.eq(shop.id()))).isEqualTo(1);

        host.platformAdmin().execute("""
                mutation($shop: ID!) { customerErase(input: {shopId: $shop, customerId: "erase-me"}) {
                  userErrors { code } } }""", Map.of("shop", shop.id())).assertNoErrors();

        assertThat(shop.sql().fetchCount(HOLDOUT_MEMBERS, HOLDOUT_MEMBERS.SHOP_ID.eq(shop.id()))).isZero();
        assertThat(shop.personalData("erase-me", email)).isEmpty();
    }

    private static GraphQlResult holdout(TestShop shop, String feature, int share, boolean redraw) {
        return shop.admin().execute(SET, Map.of("input",
                Map.of("shopId", shop.id(), "feature", feature, "sharePercent", share, "redraw", redraw)));
    }

    private static GraphQlResult report(TestShop shop, String feature) {
        return shop.admin().execute(REPORT, Map.of("shop", shop.id(), "feature", feature,
                "from", "2020-01-01T00:00:00Z")).assertNoErrors();
    }

    private static List<String> customers(TestShop shop, String prefix, int count, String domain) {
        List<String> ids = IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
        ids.forEach(id -> shop.customer(id, id + "@" + domain, "en"));
        return ids;
    }

    private static Set<String> heldOutCustomers(TestShop shop) {
        return shop.notifications().messages().stream().filter(row -> row.getState().equals("HELD_OUT"))
                .map(NotifyMessagesRecord::getCustomerId).collect(Collectors.toSet());
    }
}
