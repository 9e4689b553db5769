package dev.aftersales.host.it.notify;

import dev.aftersales.testkit.GraphQlClient;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Drives the pinger fixture plugin through the storefront API. */
final class Pings {

    private static final String SEND = """
            mutation($input: PingerSendInput!) {
              pingerSend(input: $input) { messageIds duplicates userErrors { code message } }
            }""";

    private Pings() {
    }

    /** Enqueues one message per customer; returns the message ids. */
    static List<String> toCustomers(TestShop shop, String category, String... customerIds) {
        return send(shop, Map.of("customerIds", List.of(customerIds), "category", category));
    }

    static List<String> toGuest(TestShop shop, String category, String email, String locale) {
        Map<String, Object> input = new HashMap<>(Map.of("emails", List.of(email), "category", category));
        if (locale != null) {
            input.put("locale", locale);
        }
        return send(shop, input);
    }

    static List<String> send(TestShop shop, Map<String, Object> input) {
        return send(shop.storefront(), input);
    }

    /** Through a given storefront client, e.g. one of another host instance. */
    static List<String> send(GraphQlClient storefront, Map<String, Object> input) {
        Map<String, Object> withKey = new HashMap<>(input);
        withKey.putIfAbsent("dedupeKey", UUID.randomUUID().toString());
        GraphQlResult result = storefront.execute(SEND, Map.of("input", withKey)).assertNoErrors();
        List<String> ids = new java.util.ArrayList<>();
        result.path("pingerSend.messageIds").forEach(node -> ids.add(node.asString()));
        return ids;
    }

    static GraphQlResult sendRaw(TestShop shop, Map<String, Object> input) {
        return shop.storefront().execute(SEND, Map.of("input", input));
    }
}
