package dev.aftersales.plugins.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.OrderLine;
import dev.aftersales.api.events.CustomerChanged;
import dev.aftersales.api.events.OrderReturned;
import dev.aftersales.api.events.OrderStatusChanged;
import dev.aftersales.host.catalog.OrderService;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestMails;
import dev.aftersales.testkit.TestShop;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The programme through the real host: order events, the storefront, the operator API, jobs and mails. */
class LoyaltyIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(
            Path.of(System.getProperty(AftersalesHost.PLUGIN_JAR_PROPERTY)),
            Path.of(System.getProperty("aftersales.testkit.connector-jar")));

    private static TestShop programme(TestShop shop, int returnWindowDays) {
        return shop.enable("loyalty").settings("loyalty", Map.of("returnWindowDays", returnWindowDays,
                "pointsPerCurrencyUnit", 1));
    }

    /** Saves the order in the host's mirror as the platform reports it now, then publishes the event. */
    private static void order(TestShop shop, String orderId, String customerId, Order.OrderStatus status,
                              int returnedJackets) {
        host.bean(OrderService.class).save(shop.id(), new Order(orderId, customerId, Instant.parse("2026-11-01T10:00:00Z"),
                status, new Money(new BigDecimal("119.70"), "EUR"), List.of(
                new OrderLine("v-1", "p-1", "Jacket", 2, new Money(new BigDecimal("49.90"), "EUR"), returnedJackets),
                new OrderLine("v-2", "p-2", "Scarf", 1, new Money(new BigDecimal("19.90"), "EUR"), 0))));
    }

    private static void delivered(TestShop shop, String orderId, String customerId) {
        order(shop, orderId, customerId, Order.OrderStatus.DELIVERED, 0);
        shop.publish(new OrderStatusChanged(orderId, customerId, Order.OrderStatus.FULFILLED,
                Order.OrderStatus.DELIVERED));
    }

    private static void returnedJackets(TestShop shop, String orderId, String customerId, int jackets) {
        order(shop, orderId, customerId, Order.OrderStatus.DELIVERED, jackets);
        shop.publish(new OrderReturned(orderId, customerId));
    }

    @Test
    void anOrdersPointsArePendingUntilTheReturnWindowHasClosed(TestShop shop) {
        programme(shop, 14);

        delivered(shop, "o-1", "anna");

        // 2 × 49.90 + 19.90 = 119.70, rounded down once per order
        GraphQlResult before = LoyaltyStorefront.standing(shop, "anna");
        assertThat(before.path("viewer.loyalty.pending").asInt()).isEqualTo(119);
        assertThat(before.path("viewer.loyalty.balance").asInt()).isZero();
        assertThat(before.path("viewer.loyalty.history.nodes[0].state").asString()).isEqualTo("PENDING");
        assertThat(before.path("viewer.loyalty.history.nodes[0].feature").asString()).isEqualTo("loyalty");

        host.clock().advance(Duration.ofDays(14));

        GraphQlResult after = LoyaltyStorefront.standing(shop, "anna");
        assertThat(after.path("viewer.loyalty.balance").asInt()).isEqualTo(119);
        assertThat(after.path("viewer.loyalty.pending").asInt()).isZero();
    }

    @Test
    void aPartialReturnInsideTheWindowCancelsTheReturnedLinesShare(TestShop shop) {
        programme(shop, 14);
        delivered(shop, "o-2", "anna");

        returnedJackets(shop, "o-2", "anna", 1);
        returnedJackets(shop, "o-2", "anna", 1); // the same return reported twice

        // kept 49.90 + 19.90 = 69.80 of 119.70: 119 × 69.80 / 119.70 = 69.39 → 69 kept, 50 reversed
        GraphQlResult standing = LoyaltyStorefront.standing(shop, "anna");
        assertThat(standing.path("viewer.loyalty.pending").asInt()).isEqualTo(69);
        assertThat(standing.path("viewer.loyalty.history.nodes").size()).isEqualTo(2);
        host.clock().advance(Duration.ofDays(14));
        assertThat(LoyaltyStorefront.standing(shop, "anna").path("viewer.loyalty.balance").asInt()).isEqualTo(69);
    }

    @Test
    void aReturnAfterTheWindowTakesThePointsBackAsFarAsTheBalanceAllows(TestShop shop) {
        programme(shop, 0);
        delivered(shop, "o-3", "anna");
        String reward = LoyaltyStorefront.reward(shop, "1 € voucher", 100, "1.00");
        couponsAnswer(shop, 201, "LOYAL-1", 0);
        redeem(shop, "anna", reward, "click-1");

        order(shop, "o-3", "anna", Order.OrderStatus.RETURNED, 2);
        shop.publish(new OrderStatusChanged("o-3", "anna", Order.OrderStatus.DELIVERED, Order.OrderStatus.RETURNED));

        GraphQlResult standing = LoyaltyStorefront.standing(shop, "anna");
        assertThat(standing.path("viewer.loyalty.balance").asInt()).isZero();
        GraphQlResult ledger = shop.admin().execute("""
                { shop(id: "%s") { rewards { entries(customerId: "anna") { nodes { kind amount shortfall } }
                  drift { customersWithDrift } } } }""".formatted(shop.id()));
        assertThat(ledger.path("shop.rewards.entries.nodes[0].kind").asString()).isEqualTo("REVERSAL");
        // both jackets came back, the scarf (19 points' share) was kept: 100 to take back, 19 left to take
        assertThat(ledger.path("shop.rewards.entries.nodes[0].amount").asInt()).isEqualTo(-19);
        assertThat(ledger.path("shop.rewards.entries.nodes[0].shortfall").asInt()).isEqualTo(81);
        assertThat(ledger.path("shop.rewards.drift.customersWithDrift").asInt()).isZero();
    }

    @Test
    void eventsOutOfOrderOrForUnknownOrdersBookNothingTwiceAndLoseNothing(TestShop shop) {
        programme(shop, 14);
        // the return arrives before the delivery: the delivery counts only what was kept
        order(shop, "o-4", "anna", Order.OrderStatus.DELIVERED, 2);
        shop.publish(new OrderReturned("o-4", "anna"));
        shop.publish(new OrderStatusChanged("o-4", "anna", Order.OrderStatus.FULFILLED, Order.OrderStatus.DELIVERED));
        shop.publish(new OrderStatusChanged("o-4", "anna", Order.OrderStatus.FULFILLED, Order.OrderStatus.DELIVERED));
        // an order the mirror does not have, and one that belongs to someone else
        shop.publish(new OrderStatusChanged("o-unknown", "anna", Order.OrderStatus.FULFILLED,
                Order.OrderStatus.DELIVERED));
        order(shop, "o-5", "ben", Order.OrderStatus.DELIVERED, 0);
        shop.publish(new OrderStatusChanged("o-5", "anna", Order.OrderStatus.FULFILLED, Order.OrderStatus.DELIVERED));

        GraphQlResult standing = LoyaltyStorefront.standing(shop, "anna");
        assertThat(standing.path("viewer.loyalty.pending").asInt()).isEqualTo(19);
        assertThat(standing.path("viewer.loyalty.history.nodes").size()).isEqualTo(1);
    }

    @Test
    void movingUpATierGivesItsEntryBonusOnceAndARecalculationGivesNone(TestShop shop) {
        programme(shop, 0);
        LoyaltyStorefront.tiers(shop, """
                [{name: "Bronze", threshold: "0", perks: "Early access"},
                 {name: "Silver", threshold: "100", multiplier: 1.5, entryBonus: 50, perks: "Free shipping"},
                 {name: "Gold", threshold: "1000", multiplier: 2, entryBonus: 200, perks: "Gifts"}]""");
        // first calculation: Bronze, no bonus
        assertThat(LoyaltyStorefront.standing(shop, "anna").path("viewer.loyalty.tier.name").asString())
                .isEqualTo("Bronze");

        delivered(shop, "o-6", "anna");

        GraphQlResult silver = LoyaltyStorefront.standing(shop, "anna");
        assertThat(silver.path("viewer.loyalty.tier.name").asString()).isEqualTo("Silver");
        assertThat(silver.path("viewer.loyalty.balance").asInt()).isEqualTo(119 + 50);
        assertThat(silver.path("viewer.loyalty.nextTier.name").asString()).isEqualTo("Gold");
        assertThat(new BigDecimal(silver.path("viewer.loyalty.nextTier.missing").asString())).isEqualByComparingTo("881");
        // the next order earns with Silver's multiplier: floor(119.70 × 1.5) = 179
        delivered(shop, "o-7", "anna");
        shop.runJob("loyalty", LoyaltyFeature.TIER_JOB);
        LoyaltyStorefront.tiers(shop, """
                [{name: "Bronze", threshold: "0"}, {name: "Silver", threshold: "50", entryBonus: 50},
                 {name: "Gold", threshold: "200", entryBonus: 200}]""");

        GraphQlResult recalculated = LoyaltyStorefront.standing(shop, "anna");
        assertThat(recalculated.path("viewer.loyalty.tier.name").asString()).isEqualTo("Gold");
        assertThat(recalculated.path("viewer.loyalty.balance").asInt()).isEqualTo(119 + 50 + 179);
    }

    @Test
    void aTierTableWithOverlappingThresholdsOrTwinNamesIsRefused(TestShop shop) {
        shop.enable("loyalty");

        GraphQlResult result = shop.admin().execute("""
                mutation { loyaltyTiersSet(input: {shopId: "%s", tierBasis: "POINTS", tierPeriod: "LIFETIME",
                  tiers: [{name: "Gold", threshold: "100"}, {name: "Silver", threshold: "100"},
                          {name: "gold", threshold: "500"}]}) { tiers { name } userErrors { code field } } }"""
                .formatted(shop.id()));

        assertThat(result.path("loyaltyTiersSet.userErrors").size()).isEqualTo(2);
        assertThat(result.path("loyaltyTiersSet.userErrors[1].code").asString()).isEqualTo("INVALID");
        assertThat(result.path("loyaltyTiersSet.userErrors[1].field").toString())
                .isEqualTo("[\"input\",\"tiers\",\"2\",\"name\"]");
        assertThat(result.path("loyaltyTiersSet.userErrors[0].field").toString())
                .isEqualTo("[\"input\",\"tiers\",\"1\",\"threshold\"]");
        GraphQlResult programme = shop.admin().execute("{ shop(id: \"" + shop.id()
                + "\") { loyalty { tiers { name } } } }");
        assertThat(programme.path("shop.loyalty.tiers").isEmpty()).isTrue();
    }

    @Test
    void aNewCustomerGetsTheSignUpBonusOnce(TestShop shop) {
        shop.enable("loyalty").settings("loyalty", Map.of("signupBonus", 25));

        shop.publish(new CustomerChanged("cleo"));
        shop.publish(new CustomerChanged("cleo"));

        assertThat(LoyaltyStorefront.standing(shop, "cleo").path("viewer.loyalty.balance").asInt()).isEqualTo(25);
    }

    @Test
    void pointsExpireAfterAWarningAndALastChanceMailInTheRecipientsLanguage(TestShop shop) {
        programme(shop, 0).settings("loyalty", Map.of("expiryMonths", 1, "expiryWarningDays", 10,
                "expiryLastChanceDays", 2));
        String address = "anna-" + shop.id() + "@example.com";
        shop.customer("anna", address, "de");
        Instant start = host.clock().instant();
        delivered(shop, "o-8", "anna");
        Instant expiresAt = start.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
        String longDate = LocalDate.ofInstant(expiresAt, ZoneOffset.UTC)
                .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.GERMAN));

        host.clock().set(expiresAt.minus(Duration.ofDays(9)));
        shop.runJob("loyalty", PointsExpiry.JOB);
        shop.runJob("loyalty", PointsExpiry.JOB);
        MimeMessage warning = TestMails.await(shop, host.mail(), address, 1).getFirst();
        assertThat(TestMails.subject(warning)).isEqualTo("Ihre 119 Punkte verfallen am " + longDate);

        host.clock().set(expiresAt.minus(Duration.ofDays(1)));
        shop.runJob("loyalty", PointsExpiry.JOB);
        MimeMessage lastChance = TestMails.await(shop, host.mail(), address, 2).get(1);
        assertThat(TestMails.text(lastChance)).contains("Letzte Gelegenheit: Ihre 119 Treuepunkte verfallen am "
                + longDate);

        host.clock().set(expiresAt.plus(Duration.ofHours(1)));
        shop.runJob("loyalty", PointsExpiry.JOB);
        shop.runJob("loyalty", PointsExpiry.JOB);
        GraphQlResult standing = LoyaltyStorefront.standing(shop, "anna");
        assertThat(standing.path("viewer.loyalty.balance").asInt()).isZero();
        assertThat(standing.path("viewer.loyalty.history.nodes[0].kind").asString()).isEqualTo("EXPIRY");
        assertThat(standing.path("viewer.loyalty.history.nodes").size()).isEqualTo(2);
        assertThat(TestMails.to(host.mail(), address)).hasSize(2);
    }

    static void couponsAnswer(TestShop shop, int status, String code, int delayMillis) {
        String base = "/platform-" + shop.id();
        shop.enable("connector-rest").settings("connector-rest", Map.of("baseUrl", host.wireMock().baseUrl() + base,
                "apiKey", "test-api-key", "maxAttempts", 1, "readTimeoutMs", 1_000));
        host.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(base + "/coupons"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(status)
                        .withFixedDelay(delayMillis)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": \"" + code + "\", \"expiresAt\": null}")));
    }

    static GraphQlResult redeem(TestShop shop, String customerId, String rewardId, String key) {
        GraphQlResult result = shop.storefront(customerId).execute(LoyaltyStorefront.REDEEM,
                Map.of("rewardId", rewardId, "key", key));
        result.assertNoErrors();
        return result;
    }
}
