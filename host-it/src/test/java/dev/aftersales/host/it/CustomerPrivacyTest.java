package dev.aftersales.host.it;

import static dev.aftersales.host.jooq.Tables.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.PersonalDataScan;
import dev.aftersales.testkit.TestShop;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * GDPR: a customer's data is exported and erased across every host table and every loaded plugin, through the
 * platform's customer.deleted webhook and through the operator API; the check that nothing is left is generated
 * from the database schema ({@link PersonalDataScan}).
 */
class CustomerPrivacyTest {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(FixturePlugins.connector(), FixturePlugins.keeper());

    private static final String ERASE = """
            mutation($shop: ID!, $customer: ID!) { customerErase(input: {shopId: $shop, customerId: $customer}) {
              erasure { id customerId requestedBy erasedAt result details } userErrors { code field message } } }""";

    @Test
    void aCustomerDeletedInThePlatformLeavesNothingInAnyTable() {
        TestShop shop = connectedShop();
        Customer anna = Customer.of(shop);
        anna.ordersOnce(shop);
        List<String> before = shop.personalData(anna.id(), anna.email());
        assertThat(before).as("the scan finds the customer where the host and the plugin keep them")
                .anyMatch(hit -> hit.startsWith("orders.customer_id")).anyMatch(hit -> hit.startsWith("inbox_events.body"))
                .anyMatch(hit -> hit.startsWith("customers.email")).anyMatch(hit -> hit.startsWith("notify_consents."))
                .anyMatch(hit -> hit.startsWith("notify_messages.")).anyMatch(hit -> hit.startsWith("keeper_orders."));

        shop.webhooks().send("customer.deleted", Map.of("id", anna.id()));
        shop.awaitInboxProcessed();

        assertThat(shop.personalData(anna.id(), anna.email())).isEmpty();
        assertThat(shop.sql().fetchCount(ORDERS, ORDERS.SHOP_ID.eq(shop.id())))
                .as("the order stays for the shop's bookkeeping, without the customer").isEqualTo(1);
        GraphQlResult erasures = erasures(shop, anna.id());
        assertThat(erasures.path("shop.customerErasures[0].requestedBy").asString()).startsWith("webhook:evt_");
        assertThat(erasures.path("shop.customerErasures[0].result").asString()).isEqualTo("ERASED");
    }

    @Test
    void anOperatorErasesACustomerOnceRecordedAndASecondEraseChangesNothing() {
        TestShop shop = connectedShop();
        Customer anna = Customer.of(shop);
        anna.ordersOnce(shop);

        GraphQlResult first = shop.admin().execute(ERASE, Map.of("shop", shop.id(), "customer", anna.id()))
                .assertNoErrors();

        assertThat(first.path("customerErase.userErrors").size()).isZero();
        assertThat(first.path("customerErase.erasure.result").asString()).isEqualTo("ERASED");
        assertThat(first.path("customerErase.erasure.customerId").asString()).isEqualTo(anna.id());
        assertThat(first.path("customerErase.erasure.requestedBy").asString()).startsWith("admin-key:");
        assertThat(first.path("customerErase.erasure.details").asString()).contains("keeper");
        assertThat(shop.personalData(anna.id(), anna.email())).isEmpty();
        Map<String, List<String>> afterFirst = scan().rowsOf(shop.id(), Set.of("customer_erasures"));

        GraphQlResult second = host.platformAdmin().execute(ERASE, Map.of("shop", shop.id(), "customer", anna.id()))
                .assertNoErrors();

        assertThat(second.path("customerErase.erasure.result").asString()).isEqualTo("ERASED");
        assertThat(second.path("customerErase.erasure.requestedBy").asString()).isEqualTo("platform");
        assertThat(scan().rowsOf(shop.id(), Set.of("customer_erasures"))).isEqualTo(afterFirst);
        assertThat(erasures(shop, anna.id()).path("shop.customerErasures").size()).isEqualTo(2);
    }

    @Test
    void anotherShopsCustomerWithTheSameIdIsUntouchedAndItsAdminCannotErase() {
        TestShop shop = connectedShop();
        TestShop other = connectedShop();
        Customer anna = Customer.of(shop);
        anna.ordersOnce(shop);
        Customer sameIdElsewhere = new Customer(anna.id(), "other-" + anna.email());
        sameIdElsewhere.ordersOnce(other);
        Map<String, List<String>> otherBefore = scan().rowsOf(other.id(), Set.of());

        GraphQlResult foreign = other.admin().execute(ERASE, Map.of("shop", shop.id(), "customer", anna.id()))
                .assertNoErrors();
        assertThat(foreign.path("customerErase.userErrors[0].code").asString()).isEqualTo("NOT_FOUND");
        assertThat(foreign.path("customerErase.erasure").isNull()).isTrue();
        assertThat(shop.personalData(anna.id(), anna.email())).isNotEmpty();
        assertThat(other.admin().execute("""
                query($shop: ID!, $customer: ID!) { shop(id: $shop) { customerExport(customerId: $customer) {
                  customerId } } }""", Map.of("shop", shop.id(), "customer", anna.id())).path("shop").isNull())
                .as("another shop's admin cannot export either").isTrue();

        shop.admin().execute(ERASE, Map.of("shop", shop.id(), "customer", anna.id())).assertNoErrors();

        assertThat(shop.personalData(anna.id(), anna.email())).isEmpty();
        assertThat(scan().rowsOf(other.id(), Set.of())).isEqualTo(otherBefore);
    }

    @Test
    void theExportHoldsTheHostsAndThePluginsData() {
        TestShop shop = connectedShop();
        Customer anna = Customer.of(shop);
        String orderId = anna.ordersOnce(shop);

        GraphQlResult export = shop.admin().execute("""
                query($shop: ID!, $customer: ID!) { shop(id: $shop) { customerExport(customerId: $customer) {
                  customerId exportedAt host plugins failures } } }""",
                Map.of("shop", shop.id(), "customer", anna.id())).assertNoErrors();

        String at = "shop.customerExport.";
        assertThat(export.path(at + "customerId").asString()).isEqualTo(anna.id());
        assertThat(export.path(at + "host.customer.email").asString()).isEqualTo(anna.email());
        assertThat(export.path(at + "host.orders[0].order_id").asString()).isEqualTo(orderId);
        assertThat(export.path(at + "host.orders[0].lines[0].variant_id").asString()).isEqualTo("v-1");
        assertThat(export.path(at + "host.notifications.consents[0].category").asString()).isEqualTo("ALERT");
        assertThat(export.path(at + "host.notifications.consentHistory").size()).isPositive();
        assertThat(export.path(at + "host.notifications.messages[0].template").asString()).isEqualTo("thanks");
        assertThat(export.path(at + "host.webhookEvents").size()).isGreaterThanOrEqualTo(2);
        assertThat(export.path(at + "plugins.keeper.orders[0]").asString()).isEqualTo(orderId);
        assertThat(export.path(at + "failures").size()).isZero();
    }

    private TestShop connectedShop() {
        TestShop shop = host.newShop().enable("fixture-connector").enable("keeper");
        shop.webhooks().send("variant.changed", Map.of("id", "v-1", "stock", 5, "url", "https://shop.example/p/1",
                "updatedAt", "2026-11-23T10:00:00Z"));
        shop.awaitInboxProcessed();
        return shop;
    }

    private PersonalDataScan scan() {
        return new PersonalDataScan(host.bean(org.jooq.DSLContext.class));
    }

    private static GraphQlResult erasures(TestShop shop, String customerId) {
        return shop.admin().execute("""
                query($shop: ID!, $customer: ID) { shop(id: $shop) { customerErasures(customerId: $customer) {
                  customerId requestedBy result erasedAt } } }""", Map.of("shop", shop.id(), "customer", customerId))
                .assertNoErrors();
    }

    /** A customer the platform tells the host about by webhook: address, an order, the keeper's thanks mail. */
    private record Customer(String id, String email) {

        static Customer of(TestShop shop) {
            String id = "cust-" + shop.id();
            return new Customer(id, "Mail." + shop.id() + "@Example.test");
        }

        String ordersOnce(TestShop shop) {
            String orderId = "o-" + shop.id();
            shop.webhooks().send("customer.changed", Map.of("id", id, "email", email, "locale", "en",
                    "updatedAt", "2026-11-23T10:00:00Z"));
            shop.webhooks().send("order.placed", Map.of("id", orderId, "customerId", id, "variantId", "v-1",
                    "updatedAt", "2026-11-23T10:00:01Z"));
            shop.awaitInboxProcessed();
            shop.notifications().awaitState("SENT", 1);
            return orderId;
        }
    }
}
