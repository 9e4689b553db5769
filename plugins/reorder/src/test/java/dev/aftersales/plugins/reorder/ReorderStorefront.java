package dev.aftersales.plugins.reorder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.GraphQlClient;
import dev.aftersales.testkit.GraphQlResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** One customer's storefront speaking the reorder API over HTTP to the real host, so the tests read as what they do. */
final class ReorderStorefront {

    private final GraphQlClient client;

    ReorderStorefront(GraphQlClient client) {
        this.client = client;
    }

    /** {@code orderReorder}; fails on GraphQL errors. Returns the payload. */
    JsonNode reorder(String orderId) {
        return client.execute(ReorderDocuments.REORDER, Map.of("input", Map.of("orderId", orderId)))
                .assertNoErrors().path("orderReorder");
    }

    /** {@code orderReorderPreview}; a {@code NullNode} for an order that is not the customer's. */
    JsonNode preview(String orderId) {
        return client.execute(ReorderDocuments.PREVIEW, Map.of("orderId", orderId)).assertNoErrors()
                .path("orderReorderPreview");
    }

    /** One page of {@code viewer.buyAgain}. */
    JsonNode buyAgain(int first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("first", first);
        variables.put("after", after);
        return client.execute(ReorderDocuments.BUY_AGAIN, variables).assertNoErrors().path("viewer.buyAgain");
    }

    /** {@code buyAgainAdd} with lines of {@code variantId} and {@code quantity}. Returns the payload. */
    JsonNode buyAgainAdd(List<Map<String, Object>> lines) {
        return client.execute(ReorderDocuments.BUY_AGAIN_ADD, Map.of("input", Map.of("lines", lines)))
                .assertNoErrors().path("buyAgainAdd");
    }

    GraphQlResult execute(String document, Map<String, Object> variables) {
        return client.execute(document, variables);
    }

    /** The variant ids of a buy-again page, in order. */
    static List<String> variantIds(JsonNode connection) {
        List<String> ids = new ArrayList<>();
        connection.path("nodes").forEach(node -> ids.add(node.path("variant").path("id").asString()));
        return ids;
    }

    /** The codes of a payload's user errors. */
    static List<String> codes(JsonNode payload) {
        List<String> codes = new ArrayList<>();
        payload.path("userErrors").forEach(error -> codes.add(error.path("code").asString()));
        return codes;
    }

    /** A payload's lines by variant id (each test order names a variant once). */
    static Map<String, JsonNode> linesByVariant(JsonNode payloadOrPreview) {
        Map<String, JsonNode> lines = new HashMap<>();
        payloadOrPreview.path("lines").forEach(line -> lines.put(line.path("variantId").asString(), line));
        assertThat(lines).hasSize(payloadOrPreview.path("lines").size());
        return lines;
    }
}
