package dev.aftersales.host.demo;

import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.events.OrderStatusChanged;
import dev.aftersales.host.admin.AdminKeys;
import dev.aftersales.host.admin.ShopAdministration;
import dev.aftersales.host.events.EventBus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo mode only: the demo shop's loyalty programme (two tiers, two rewards) set up through the operator API like an
 * operator would, and points for anna's delivered demo orders: order 1001 (delivered weeks ago) is available, 1002
 * waits for its return window. Skipped when the loyalty plugin is not loaded or the programme has tiers already;
 * order events are idempotent, so a restart books nothing twice.
 */
@Component
@ConditionalOnProperty(name = "aftersales.demo", havingValue = "true")
class DemoLoyalty {

    private static final Logger log = LoggerFactory.getLogger(DemoLoyalty.class);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String LOYALTY = "loyalty";

    private final AdminKeys keys;
    private final ShopAdministration administration;
    private final EventBus events;
    private final JsonMapper json;

    DemoLoyalty(AdminKeys keys, ShopAdministration administration, EventBus events, JsonMapper json) {
        this.keys = keys;
        this.administration = administration;
        this.events = events;
        this.json = json;
    }

    void seed(int port) {
        try {
            URI endpoint = URI.create("http://127.0.0.1:" + port + "/admin/graphql");
            String key = keys.create(DemoSeeder.SHOP_ID, "demo loyalty seeding");
            JsonNode programme = call(endpoint, key, "{ shop(id: \"demo\") { loyalty { tiers { name } } } }");
            if (programme.path("errors").isArray() && !programme.path("errors").isEmpty()) {
                return; // the loyalty plugin is not loaded
            }
            if (programme.path("data").path("shop").path("loyalty").path("tiers").isEmpty()) {
                call(endpoint, key, """
                        mutation { loyaltyTiersSet(input: {shopId: "demo", tierBasis: "POINTS", tierPeriod: "LIFETIME",
                          tiers: [{name: "Bronze", threshold: "0", perks: "Early access to the winter sale"},
                                  {name: "Gold", threshold: "250", multiplier: 1.5, entryBonus: 100,
                                   perks: "Free shipping all year, points × 1.5"}]}) { userErrors { message } } }""");
                call(endpoint, key, """
                        mutation { loyaltyRewardSave(input: {shopId: "demo", name: "5 € voucher", points: 200,
                          kind: "AMOUNT_OFF", amount: "5.00", currency: "EUR"}) { userErrors { message } } }""");
                call(endpoint, key, """
                        mutation { loyaltyRewardSave(input: {shopId: "demo", name: "Free shipping", points: 100,
                          kind: "FREE_SHIPPING"}) { userErrors { message } } }""");
            }
            // 1001 was delivered 40 days ago: its return window has passed; 1002 waits the shop's 14 days
            administration.updateSettings(DemoSeeder.SHOP_ID, LOYALTY, Map.of("returnWindowDays", 0));
            delivered("1001");
            administration.updateSettings(DemoSeeder.SHOP_ID, LOYALTY, Map.of("returnWindowDays", 14));
            delivered("1002");
            log.info("Demo loyalty programme ready: tiers Bronze and Gold, points for anna's orders 1001 and 1002");
        } catch (RuntimeException e) {
            log.warn("Demo loyalty programme not set up: {}", e.toString());
        }
    }

    private void delivered(String orderId) {
        events.publish(DemoSeeder.SHOP_ID, new OrderStatusChanged(orderId, "anna", Order.OrderStatus.FULFILLED,
                Order.OrderStatus.DELIVERED));
    }

    private JsonNode call(URI endpoint, String key, String document) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", document))))
                .build();
        try {
            return json.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new IllegalStateException("Demo operator call failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
