package dev.aftersales.plugins.connectorvendure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.catalog.Order.OrderStatus;
import dev.aftersales.api.catalog.OrderLine;
import dev.aftersales.api.platform.MalformedWebhookException;
import dev.aftersales.api.platform.PlatformFact;
import dev.aftersales.api.platform.PlatformFact.CustomerDeletedFact;
import dev.aftersales.api.platform.PlatformFact.CustomerFact;
import dev.aftersales.api.platform.PlatformFact.OrderFact;
import dev.aftersales.api.platform.PlatformFact.PriceFact;
import dev.aftersales.api.platform.PlatformFact.StockFact;
import dev.aftersales.api.platform.PlatformFact.VariantFact;
import dev.aftersales.api.platform.WebhookDelivery;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Events of the Aftersales Vendure plugin (the shapes src/snapshots.js makes) into facts, and refusals. */
class VendureEventsTest {

    private static final Instant AT = Instant.parse("2026-12-05T10:00:00.123Z");
    private static final String VARIANT = """
            {"id": "2", "sku": "JKT-L", "name": "Alpine Jacket L", "enabled": true, "deleted": false,
             "priceWithTax": 19000, "currencyCode": "EUR", "stockOnHand": 7, "stockAllocated": 2,
             "outOfStockThreshold": 1, "useGlobalOutOfStockThreshold": false, "trackInventory": "TRUE",
             "updatedAt": "2026-12-05T09:00:00.000Z", "url": "https://shop.example.com/product/alpine-jacket?variant=2",
             "product": {"id": "1", "name": "Alpine Jacket", "slug": "alpine-jacket", "enabled": true,
                         "featuredAsset": {"preview": "https://cdn.example.com/jacket.jpg"}},
             "featuredAsset": {"preview": "/assets/relative.jpg"}}""";
    private static final String ORDER = """
            {"id": "10", "code": "ABC", "state": "Delivered", "orderPlacedAt": "2026-12-01T08:00:00.000Z",
             "updatedAt": "2026-12-03T08:00:00.000Z", "totalWithTax": 5970, "currencyCode": "EUR",
             "customer": {"id": "7"},
             "lines": [{"quantity": 1, "orderPlacedQuantity": 3, "unitPriceWithTax": 1990,
                        "productVariant": {"id": "3", "name": "Wool Scarf",
                                           "product": {"id": "2", "name": "Wool Scarf"}}}]}""";

    private final VendureEvents events = new VendureEvents();

    @Test
    void aVariantEventIsTheWholeVariantWithSaleableStock() {
        VariantFact fact = (VariantFact) only(read("variant.updated", VARIANT));

        assertThat(fact.asOf()).isEqualTo(AT);
        assertThat(fact.variant().id()).isEqualTo("2");
        assertThat(fact.variant().productId()).isEqualTo("1");
        assertThat(fact.variant().productName()).isEqualTo("Alpine Jacket");
        assertThat(fact.variant().name()).isEqualTo("L");
        assertThat(fact.variant().price()).isEqualTo(new Money(new BigDecimal("190.00"), "EUR"));
        assertThat(fact.variant().stock()).as("7 on hand - 2 allocated - threshold 1").isEqualTo(4);
        assertThat(fact.variant().purchasable()).isTrue();
        assertThat(fact.variant().url()).isEqualTo("https://shop.example.com/product/alpine-jacket?variant=2");
        assertThat(fact.variant().imageUrl()).as("the relative variant image is skipped")
                .isEqualTo("https://cdn.example.com/jacket.jpg");
    }

    @Test
    void aDeletedOrDisabledVariantCannotBeBought() {
        assertThat(((VariantFact) only(read("variant.deleted", VARIANT.replace("\"deleted\": false",
                "\"deleted\": true")))).variant().purchasable()).isFalse();
        assertThat(((VariantFact) only(read("variant.updated", VARIANT.replace("\"enabled\": true, \"deleted",
                "\"enabled\": false, \"deleted")))).variant().purchasable()).isFalse();
    }

    @Test
    void stockAndPriceEventsBecomeTheirFacts() {
        assertThat(only(read("stock.changed", VARIANT))).isEqualTo(new StockFact("2", 4, AT));
        assertThat(only(read("stock.changed", VARIANT.replace("\"TRUE\"", "\"FALSE\""))))
                .isEqualTo(new StockFact("2", VendureFacts.UNTRACKED_STOCK, AT));
        assertThat(only(read("price.changed", VARIANT)))
                .isEqualTo(new PriceFact("2", new Money(new BigDecimal("190.00"), "EUR"), AT));
    }

    @Test
    void aDeliveredOrderWithLinesCutAfterShippingReportsThemReturned() {
        OrderFact fact = (OrderFact) only(read("order.state-changed", ORDER));

        assertThat(fact.order().status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(fact.order().customerId()).isEqualTo("7");
        assertThat(fact.order().total()).isEqualTo(new Money(new BigDecimal("59.70"), "EUR"));
        assertThat(fact.order().lines()).containsExactly(new OrderLine("3", "2", "Wool Scarf", 3,
                new Money(new BigDecimal("19.90"), "EUR"), 2));
    }

    @Test
    void orderStatesMapToTheHostsStatuses() {
        assertThat(status("PaymentSettled")).isEqualTo(OrderStatus.PLACED);
        assertThat(status("Shipped")).isEqualTo(OrderStatus.FULFILLED);
        assertThat(status("Cancelled")).isEqualTo(OrderStatus.CANCELLED);
        assertThat(read("order.placed", ORDER.replace("Delivered", "ArrangingPayment")))
                .as("a cart is no order yet").isEmpty();
        String allBack = ORDER.replace("\"quantity\": 1,", "\"quantity\": 0,");
        assertThat(((OrderFact) only(read("order.refunded", allBack))).order().status())
                .isEqualTo(OrderStatus.RETURNED);
    }

    @Test
    void customerEventsCarryAddressAndLanguage() {
        assertThat(only(read("customer.created", """
                {"id": "7", "emailAddress": "anna@example.test", "languageCode": "de", "updatedAt": null}""")))
                .isEqualTo(new CustomerFact("7", "anna@example.test", "de", AT));
        assertThat(only(read("customer.deleted", "{\"id\": \"7\"}"))).isEqualTo(new CustomerDeletedFact("7", AT));
    }

    @Test
    void aMissingFieldIsNamedAndAnUnknownTypeRefused() {
        assertThatThrownBy(() -> read("variant.updated", VARIANT.replace("\"priceWithTax\": 19000,", "")))
                .isInstanceOf(MalformedWebhookException.class)
                .hasMessage("variant.updated: data: priceWithTax is missing");
        assertThatThrownBy(() -> read("order.placed", ORDER.replace("{\"id\": \"3\", ", "{")))
                .isInstanceOf(MalformedWebhookException.class)
                .hasMessage("order.placed: data.lines[0].productVariant: id is missing");
        assertThatThrownBy(() -> read("stock.changed", VARIANT.replace("\"stockOnHand\": 7", "\"stockOnHand\": \"x\"")))
                .isInstanceOf(MalformedWebhookException.class)
                .hasMessageStartingWith("stock.changed: data.stockOnHand: ");
        assertThatThrownBy(() -> read("product.updated", VARIANT))
                .isInstanceOf(MalformedWebhookException.class).hasMessageContaining("Unknown Vendure event type");
    }

    @Test
    void readingIsPure() {
        assertThat(read("order.placed", ORDER)).isEqualTo(read("order.placed", ORDER));
    }

    private static OrderStatus status(String state) {
        return VendureFacts.status(state).orElseThrow();
    }

    private List<PlatformFact> read(String type, String json) {
        Map<String, Object> data = new HashMap<>(JsonMapper.builder().build().readValue(json, Map.class));
        return events.read(new WebhookDelivery("evt_1", type, AT, data));
    }

    private static PlatformFact only(List<PlatformFact> facts) {
        assertThat(facts).hasSize(1);
        return facts.getFirst();
    }
}
