package dev.aftersales.host.demo;

import dev.aftersales.api.events.OrderPlaced;
import dev.aftersales.host.admin.AdminKeys;
import dev.aftersales.host.events.EventBus;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Demo mode only: the demo shop's consumables, set through the operator API like an operator would — the leather
 * wax lasts 30 days, a pack of merino socks 60 — and anna's demo orders given to the replenishment plugin. From her
 * two orders the plugin learns her own pace: 15 days per pack of socks, so her socks run out in 5 days and are due
 * now (the daily run at 09:00 shop time, or a job run by the operator, mails her); the wax follows in 20 days.
 * Skipped when the replenishment plugin is not loaded; order events are idempotent, so a restart changes nothing.
 */
@Component
@ConditionalOnProperty(name = "aftersales.demo", havingValue = "true")
class DemoReplenishment {

    private static final Logger log = LoggerFactory.getLogger(DemoReplenishment.class);

    private final AdminKeys keys;
    private final EventBus events;

    DemoReplenishment(AdminKeys keys, EventBus events) {
        this.keys = keys;
        this.events = events;
    }

    void seed(int port) {
        RestClient admin = RestClient.builder().baseUrl("http://127.0.0.1:" + port + "/admin/graphql")
                .defaultHeader("Authorization", "Bearer " + keys.create(DemoSeeder.SHOP_ID, "demo replenishment"))
                .build();
        try {
            for (String usage : new String[] {"productId: \"wax\", usageDays: 30", "productId: \"socks\", usageDays: 60"}) {
                String answer = admin.post().contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("query", "mutation { replenishmentUsageSet(input: {shopId: \"demo\", " + usage
                                + "}) { userErrors { message } } }"))
                        .retrieve().body(String.class);
                if (answer == null || answer.contains("\"errors\"")) {
                    return; // the replenishment plugin is not loaded
                }
            }
            for (String order : new String[] {"1001", "1002"}) {
                events.publish(DemoSeeder.SHOP_ID, new OrderPlaced(order, "anna"));
            }
            events.publish(DemoSeeder.SHOP_ID, new OrderPlaced("1003", "ben"));
            log.info("Demo consumables ready: wax 30 days, socks 60 days; anna's socks are due");
        } catch (RestClientException e) {
            log.warn("Demo consumables not set up: {}", e.toString());
        }
    }
}
