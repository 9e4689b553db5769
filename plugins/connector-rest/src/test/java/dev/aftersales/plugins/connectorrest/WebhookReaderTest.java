package dev.aftersales.plugins.connectorrest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonParser;
import com.grack.nanojson.JsonParserException;
import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.OrderLine;
import dev.aftersales.api.catalog.OrderSignals;
import dev.aftersales.api.catalog.Variant;
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
import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every event type of the contract becomes its fact; everything the contract forbids is named in the error. */
class WebhookReaderTest {

    static final String VARIANT = """
            {"id": "v-1", "productId": "p-1", "sku": "JKT-M", "productName": "Jacket", "name": "M",
             "price": {"amount": "49.90", "currency": "EUR"}, "stock": 3, "purchasable": true,
             "url": "https://shop.example.com/p/jacket?v=m", "imageUrl": "https://cdn.example.com/jacket.jpg",
             "updatedAt": "2026-11-23T10:15:30.123Z"}""";

    static final String ORDER = """
            {"id": "o-1001", "customerId": "c-42", "placedAt": "2026-11-20T08:00:00Z", "status": "DELIVERED",
             "total": {"amount": "119.70", "currency": "EUR"},
             "lines": [
               {"variantId": "v-1", "productId": "p-1", "name": "Jacket M", "quantity": 2,
                "unitPrice": {"amount": "49.90", "currency": "EUR"}, "returnedQuantity": 1},
               {"variantId": "v-2", "productId": "p-2", "name": "Scarf", "quantity": 1,
                "unitPrice": {"amount": "19.90", "currency": "EUR"}, "returnedQuantity": 0}],
             "updatedAt": "2026-11-22T17:30:00Z"}""";

    private final WebhookReader reader = new WebhookReader();

    @ParameterizedTest
    @ValueSource(strings = {"variant.created", "variant.updated"})
    void variantEventsBecomeTheWholeVariantAsOfItsUpdate(String type) {
        PlatformFact fact = readOne(type, VARIANT);

        assertThat(fact).isEqualTo(new VariantFact(new Variant("v-1", "p-1", "JKT-M", "Jacket", "M",
                new Money(new BigDecimal("49.90"), "EUR"), 3, true, "https://shop.example.com/p/jacket?v=m",
                "https://cdn.example.com/jacket.jpg"), Instant.parse("2026-11-23T10:15:30.123Z")));
    }

    @Test
    void variantWithoutSkuUrlAndImageIsRead() {
        Map<String, Object> data = json(VARIANT);
        data.remove("sku");
        data.put("url", null);
        data.remove("imageUrl");

        Variant variant = ((VariantFact) read("variant.updated", data)).variant();

        assertThat(variant.sku()).isNull();
        assertThat(variant.url()).isNull();
        assertThat(variant.imageUrl()).isNull();
    }

    @Test
    void stockChangedBecomesAStockFact() {
        assertThat(readOne("stock.changed", """
                {"variantId": "v-1", "stock": 0, "updatedAt": "2026-11-23T10:16:00Z"}"""))
                .isEqualTo(new StockFact("v-1", 0, Instant.parse("2026-11-23T10:16:00Z")));
    }

    @Test
    void priceChangedKeepsTheAmountExactlyAsSent() {
        PriceFact fact = (PriceFact) readOne("price.changed", """
                {"variantId": "v-1", "price": {"amount": "39.90", "currency": "EUR"},
                 "updatedAt": "2026-11-23T10:17:00+01:00"}""");

        assertThat(fact.price().amount()).isEqualTo(new BigDecimal("39.90")).hasScaleOf(2);
        assertThat(fact.asOf()).isEqualTo(Instant.parse("2026-11-23T09:17:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"order.placed", "order.fulfilled", "order.delivered", "order.cancelled", "order.returned"})
    void orderEventsBecomeTheWholeOrderAsOfItsUpdate(String type) {
        OrderFact fact = (OrderFact) readOne(type, ORDER);

        Order order = fact.order();
        assertThat(order.id()).isEqualTo("o-1001");
        assertThat(order.customerId()).isEqualTo("c-42");
        assertThat(order.placedAt()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
        assertThat(order.status()).isEqualTo(Order.OrderStatus.DELIVERED);
        assertThat(order.total()).isEqualTo(new Money(new BigDecimal("119.70"), "EUR"));
        assertThat(order.lines()).containsExactly(
                new OrderLine("v-1", "p-1", "Jacket M", 2, new Money(new BigDecimal("49.90"), "EUR"), 1),
                new OrderLine("v-2", "p-2", "Scarf", 1, new Money(new BigDecimal("19.90"), "EUR"), 0));
        assertThat(fact.asOf()).isEqualTo(Instant.parse("2026-11-22T17:30:00Z"));
    }

    @Test
    void theOptionalOrderSignalsAreRead() {
        Order order = ((OrderFact) readOne("order.placed", ORDER.replace("\"status\"", """
                "email": "ben@example.org", "couponCodes": ["FRIEND-7Q2X", "WINTER10"],
                "shippingAddressHash": "sha256:9f86d08", "paymentFingerprint": "Xt5EWLLDS7FJjR1c", "status\"""")))
                .order();

        assertThat(order.signals()).isEqualTo(new OrderSignals("ben@example.org", List.of("FRIEND-7Q2X", "WINTER10"),
                "sha256:9f86d08", "Xt5EWLLDS7FJjR1c"));
        assertThat(((OrderFact) readOne("order.placed", ORDER)).order().signals()).isEqualTo(OrderSignals.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer.created", "customer.updated"})
    void customerEventsBecomeACustomerFact(String type) {
        assertThat(readOne(type, """
                {"id": "c-42", "email": "anna@example.com", "locale": "de-DE", "updatedAt": "2026-11-23T09:00:00Z"}"""))
                .isEqualTo(new CustomerFact("c-42", "anna@example.com", "de-DE", Instant.parse("2026-11-23T09:00:00Z")));
    }

    @Test
    void customerWithoutEmailOrLocaleIsRead() {
        assertThat(readOne("customer.updated", """
                {"id": "c-42", "email": null, "updatedAt": "2026-11-23T09:00:00Z"}"""))
                .isEqualTo(new CustomerFact("c-42", null, null, Instant.parse("2026-11-23T09:00:00Z")));
    }

    @Test
    void customerDeletedIsAsOfItsDeletion() {
        assertThat(readOne("customer.deleted", """
                {"id": "c-42", "deletedAt": "2026-11-23T11:00:00Z"}"""))
                .isEqualTo(new CustomerDeletedFact("c-42", Instant.parse("2026-11-23T11:00:00Z")));
    }

    @Test
    void wholeNumbersOfAnyJsonNumberTypeAreRead() {
        for (Object stock : List.of(7L, new BigInteger("7"), new BigDecimal("7.0"), 7.0d)) {
            Map<String, Object> data = json("""
                    {"variantId": "v-1", "updatedAt": "2026-11-23T10:16:00Z"}""");
            data.put("stock", stock);

            assertThat(((StockFact) read("stock.changed", data)).stock()).as("stock as %s", stock.getClass())
                    .isEqualTo(7);
        }
    }

    @Test
    void unknownTypeIsMalformedAndNamesTheKnownTypes() {
        assertThatThrownBy(() -> reader.read(new WebhookDelivery("evt_1", "product.exploded", Instant.now(), Map.of())))
                .isInstanceOf(MalformedWebhookException.class)
                .hasMessageContaining("Unknown event type 'product.exploded'")
                .hasMessageContaining("variant.created").hasMessageContaining("customer.deleted");
    }

    @Test
    void missingDataIsMalformed() {
        assertThatThrownBy(() -> reader.read(new WebhookDelivery("evt_1", "stock.changed", Instant.now(), null)))
                .isInstanceOf(MalformedWebhookException.class)
                .hasMessage("stock.changed: data is missing");
    }

    @SuppressWarnings("unchecked")
    static Stream<Arguments> malformedPayloads() {
        return Stream.of(
                malformed("variant.updated", VARIANT, d -> d.remove("id"), "data.id is missing"),
                malformed("variant.updated", VARIANT, d -> d.put("productName", ""), "data.productName must not be empty"),
                malformed("variant.updated", VARIANT, d -> d.put("id", "v".repeat(65)),
                        "data.id must be at most 64 characters"),
                malformed("variant.updated", VARIANT, d -> d.put("name", 42), "data.name must be a string"),
                malformed("variant.updated", VARIANT, d -> object(d, "price").remove("amount"),
                        "data.price.amount is missing"),
                malformed("variant.updated", VARIANT, d -> object(d, "price").put("amount", 49.9),
                        "data.price.amount must be a decimal string such as \"19.90\""),
                malformed("variant.updated", VARIANT, d -> object(d, "price").put("amount", "49,90"),
                        "data.price.amount must be a decimal string"),
                malformed("variant.updated", VARIANT, d -> object(d, "price").put("amount", "-1.00"),
                        "data.price.amount must be a decimal string"),
                malformed("variant.updated", VARIANT, d -> object(d, "price").put("amount", "1.23456"),
                        "data.price.amount must be a decimal string"),
                malformed("variant.updated", VARIANT, d -> object(d, "price").put("currency", "eur"),
                        "data.price.currency must be an ISO 4217 currency code"),
                malformed("variant.updated", VARIANT, d -> d.put("price", "49.90 EUR"),
                        "data.price must be a JSON object"),
                malformed("variant.updated", VARIANT, d -> d.put("stock", -1), "data.stock must be at least 0"),
                malformed("variant.updated", VARIANT, d -> d.put("stock", "3"), "data.stock must be a whole number"),
                malformed("variant.updated", VARIANT, d -> d.put("stock", 2.5), "data.stock must be a whole number"),
                malformed("variant.updated", VARIANT, d -> d.put("stock", 3_000_000_000L),
                        "data.stock must be a whole number"),
                malformed("variant.updated", VARIANT, d -> d.put("purchasable", "yes"),
                        "data.purchasable must be true or false"),
                malformed("variant.updated", VARIANT, d -> d.put("updatedAt", "2026-11-23 10:15"),
                        "data.updatedAt must be an ISO-8601 time"),
                malformed("variant.updated", VARIANT, d -> d.put("updatedAt", "2026-11-23T10:15:30"),
                        "data.updatedAt must be an ISO-8601 time"),
                malformed("variant.created", VARIANT, d -> d.remove("updatedAt"), "data.updatedAt is missing"),
                malformed("stock.changed", "{\"stock\": 1, \"updatedAt\": \"2026-11-23T10:16:00Z\"}", d -> { },
                        "data.variantId is missing"),
                malformed("price.changed", "{\"variantId\": \"v-1\", \"updatedAt\": \"2026-11-23T10:16:00Z\"}",
                        d -> { }, "data.price is missing"),
                malformed("order.placed", ORDER, d -> d.put("status", "SHIPPED"),
                        "data.status must be one of [PLACED, FULFILLED, DELIVERED, CANCELLED, RETURNED]"),
                malformed("order.placed", ORDER, d -> d.remove("customerId"), "data.customerId is missing"),
                malformed("order.placed", ORDER, d -> d.put("couponCodes", List.of("TWO WORDS")),
                        "data.couponCodes[0] must be a string of 1 to 100 characters without spaces"),
                malformed("order.placed", ORDER, d -> d.put("email", "nobody"), "data.email must be an e-mail address"),
                malformed("order.placed", ORDER, d -> d.remove("placedAt"), "data.placedAt is missing"),
                malformed("order.placed", ORDER, d -> d.put("lines", Map.of()), "data.lines must be a list"),
                malformed("order.placed", ORDER, d -> line(d, 1).put("quantity", 0),
                        "data.lines[1].quantity must be at least 1"),
                malformed("order.placed", ORDER, d -> object(line(d, 0), "unitPrice").remove("currency"),
                        "data.lines[0].unitPrice.currency is missing"),
                malformed("order.returned", ORDER, d -> line(d, 0).put("returnedQuantity", 3),
                        "data.lines[0].returnedQuantity must not exceed quantity (2)"),
                malformed("order.returned", ORDER, d -> line(d, 0).remove("returnedQuantity"),
                        "data.lines[0].returnedQuantity is missing"),
                malformed("order.placed", ORDER, d -> ((List<Object>) d.get("lines")).set(0, "v-1"),
                        "data.lines[0] must be a JSON object"),
                malformed("customer.updated", "{\"id\": \"c-1\", \"email\": \"anna\", \"updatedAt\": \"2026-11-23T09:00:00Z\"}",
                        d -> { }, "data.email must be an email address"),
                malformed("customer.deleted", "{\"id\": \"c-1\"}", d -> { }, "data.deletedAt is missing"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("malformedPayloads")
    void malformedPayloadNamesTheTypeAndTheField(String type, Map<String, Object> data, String problem) {
        assertThatThrownBy(() -> read(type, data))
                .isInstanceOf(MalformedWebhookException.class)
                .hasMessageStartingWith(type + ": " + problem);
    }

    private static Arguments malformed(String type, String json, Consumer<Map<String, Object>> breakIt,
                                       String problem) {
        Map<String, Object> data = json(json);
        breakIt.accept(data);
        return Arguments.of(type, data, problem);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> data, String key) {
        return (Map<String, Object>) data.get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> line(Map<String, Object> order, int index) {
        return (Map<String, Object>) ((List<Object>) order.get("lines")).get(index);
    }

    private PlatformFact readOne(String type, String data) {
        return read(type, json(data));
    }

    private PlatformFact read(String type, Map<String, Object> data) {
        List<PlatformFact> facts = reader.read(new WebhookDelivery("evt_1", type, Instant.now(), data));
        assertThat(facts).hasSize(1);
        return facts.getFirst();
    }

    /** Parsed as the host parses a webhook body: maps, lists, strings, numbers, booleans and null. */
    static Map<String, Object> json(String text) {
        try {
            JsonObject object = JsonParser.object().from(text);
            return new HashMap<>(object);
        } catch (JsonParserException e) {
            throw new IllegalArgumentException("Test JSON does not parse: " + text, e);
        }
    }
}
