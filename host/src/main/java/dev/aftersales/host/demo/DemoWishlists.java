package dev.aftersales.host.demo;

import com.nimbusds.jose.JOSEException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Demo mode only: gives the demo customer {@code anna} sample wishlists, made through the storefront API like a
 * frontend would, so the quick start shows the wishlist feature with data. Skipped when the wishlist plugin is not
 * enabled or anna has lists already.
 */
@Component
@ConditionalOnProperty(name = "aftersales.demo", havingValue = "true")
class DemoWishlists {

    private static final Logger log = LoggerFactory.getLogger(DemoWishlists.class);
    private static final List<Map<String, Object>> SAMPLE = List.of(
            Map.of("list", "Hiking trip", "variantId", "boots-43", "quantity", 1, "note", "one size up"),
            Map.of("list", "Hiking trip", "variantId", "jacket-m-blue", "quantity", 1, "note", "waiting for size M"),
            Map.of("list", "Birthday", "variantId", "socks-3pack", "quantity", 2, "note", "for Ben"));

    private final DemoTokens tokens;
    private final DemoGraphQl graphQl;

    DemoWishlists(DemoTokens tokens, DemoGraphQl graphQl) {
        this.tokens = tokens;
        this.graphQl = graphQl;
    }

    void seed(int port) {
        try {
            URI endpoint = URI.create("http://127.0.0.1:" + port + "/graphql");
            String token = tokens.sign("anna");
            JsonNode existing = call(endpoint, token, "{ viewer { wishlists(first: 1) { edges { cursor } } } }", Map.of());
            if (existing.path("errors").isArray() && !existing.path("errors").isEmpty()) {
                return; // the wishlist feature is not enabled for the demo shop
            }
            if (!existing.path("data").path("viewer").path("wishlists").path("edges").isEmpty()) {
                return;
            }
            Map<String, String> listIds = new java.util.HashMap<>();
            for (Map<String, Object> item : SAMPLE) {
                String list = (String) item.get("list");
                String listId = listIds.computeIfAbsent(list, name -> call(endpoint, token,
                        "mutation($n: String!) { wishlistCreate(input: {name: $n}) { wishlist { id } } }",
                        Map.of("n", name)).path("data").path("wishlistCreate").path("wishlist").path("id").asString());
                call(endpoint, token, """
                        mutation($l: ID, $v: ID!, $q: Int, $n: String) {
                          wishlistItemAdd(input: {wishlistId: $l, variantId: $v, quantity: $q, note: $n}) { userErrors { message } }
                        }""", Map.of("l", listId, "v", item.get("variantId"), "q", item.get("quantity"),
                        "n", item.get("note")));
            }
            log.info("Demo wishlists created for customer anna");
        } catch (JOSEException | RuntimeException e) {
            log.warn("Demo wishlists not created: {}", e.toString());
        }
    }

    private JsonNode call(URI endpoint, String token, String document, Map<String, Object> variables) {
        return graphQl.call(endpoint, token, document, variables);
    }
}
