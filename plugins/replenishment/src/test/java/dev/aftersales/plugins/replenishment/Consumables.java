package dev.aftersales.plugins.replenishment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.OrderLine;
import dev.aftersales.api.events.OrderPlaced;
import dev.aftersales.host.catalog.OrderService;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A shop with consumables for the …IT tests: catalog, usage days, orders and the storefront's documents. */
final class Consumables {

    static final String ITEMS = """
            { viewer { replenishment { items { variantId dueAt remindAt rule daysPerUnit intervalDays units
              snoozedUntil stopped variant { name } } } } }""";
    static final String FIELDS = "item { variantId dueAt remindAt rule intervalDays snoozedUntil stopped } "
            + "userErrors { field code message }";

    private static final Map<String, String> PRICES = Map.of("shampoo", "7.90", "conditioner", "9.50",
            "jacket", "149.00");

    private final AftersalesHost host;
    private final TestShop shop;

    Consumables(AftersalesHost host, TestShop shop) {
        this.host = host;
        this.shop = shop;
    }

    /** Enables the feature with a shampoo (30 days a bottle), a conditioner (20 days) and a jacket (no usage days). */
    static Consumables shop(AftersalesHost host, TestShop shop) {
        shop.enable(ReplenishmentFeature.ID);
        shop.catalog().variant("shampoo").product("p-shampoo", "Mountain Shampoo").name("250 ml").price(PRICES.get("shampoo"), "EUR")
                .stock(50).save();
        shop.catalog().variant("conditioner").product("p-conditioner", "Alpine Conditioner").name("200 ml")
                .price(PRICES.get("conditioner"), "EUR").stock(50).save();
        shop.catalog().variant("jacket").product("p-jacket", "Rain Jacket").name("M").price(PRICES.get("jacket"), "EUR")
                .stock(5).save();
        Consumables consumables = new Consumables(host, shop);
        consumables.usage("variantId", "shampoo", 30);
        consumables.usage("productId", "p-conditioner", 20);
        return consumables;
    }

    GraphQlResult usage(String targetField, String targetId, Integer days) {
        GraphQlResult result = shop.admin().execute("""
                mutation($input: ReplenishmentUsageSetInput!) { replenishmentUsageSet(input: $input) {
                  usage { target targetId usageDays } userErrors { field code message } } }""",
                Map.of("input", days == null ? Map.of("shopId", shop.id(), targetField, targetId)
                        : Map.of("shopId", shop.id(), targetField, targetId, "usageDays", days)));
        return result.assertNoErrors();
    }

    /** Saves the order in the host's mirror and publishes {@code OrderPlaced}. Lines: variant, quantity, returned. */
    void order(String orderId, String customerId, Instant placedAt, Object... lines) {
        save(orderId, customerId, placedAt, Order.OrderStatus.PLACED, lines);
        assertThat(shop.publish(new OrderPlaced(orderId, customerId))).as("failed listeners").isZero();
    }

    void save(String orderId, String customerId, Instant placedAt, Order.OrderStatus status, Object... lines) {
        List<OrderLine> orderLines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < lines.length; i += 3) {
            String variant = (String) lines[i];
            int quantity = (Integer) lines[i + 1];
            BigDecimal price = new BigDecimal(PRICES.get(variant));
            orderLines.add(new OrderLine(variant, "p-" + variant, variant, quantity, new Money(price, "EUR"),
                    (Integer) lines[i + 2]));
            total = total.add(price.multiply(BigDecimal.valueOf(quantity)));
        }
        host.bean(OrderService.class).save(shop.id(), new Order(orderId, customerId, placedAt, status,
                new Money(total, "EUR"), orderLines));
    }

    JsonNode items(String customerId) {
        return shop.storefront(customerId).execute(ITEMS).assertNoErrors().path("viewer.replenishment.items");
    }

    JsonNode item(String customerId, String variantId) {
        for (JsonNode item : items(customerId)) {
            if (item.path("variantId").asString().equals(variantId)) {
                return item;
            }
        }
        throw new AssertionError(customerId + " has no item " + variantId + ": " + items(customerId));
    }

    GraphQlResult mutate(String customerId, String mutation, String inputType, Map<String, Object> input) {
        return shop.storefront(customerId).execute("mutation($input: " + inputType + "!) { " + mutation
                + "(input: $input) { " + FIELDS + " } }", Map.of("input", input)).assertNoErrors();
    }

    /** Runs the daily reminder job now; returns the feature's queued reminder messages so far. */
    List<JsonNode> remind() {
        shop.runJob(ReplenishmentFeature.ID, DueScan.JOB);
        return reminders();
    }

    List<JsonNode> reminders() {
        JsonMapper json = JsonMapper.builder().build();
        return shop.notifications().messages().stream()
                .filter(m -> m.getFeatureId().equals(ReplenishmentFeature.ID))
                .map(m -> {
                    JsonNode data = json.readTree(m.getData());
                    assertThat(m.getCategory()).isEqualTo("REMINDER");
                    return (JsonNode) json.createObjectNode().put("customerId", m.getCustomerId()).set("data", data);
                })
                .toList();
    }
}
