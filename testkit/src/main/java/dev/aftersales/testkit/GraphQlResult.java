package dev.aftersales.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A GraphQL response as a test reads it.
 *
 * <pre>{@code
 * result.assertNoErrors();
 * assertThat(result.path("viewer.wishlists.edges[0].node.name").asString()).isEqualTo("Birthday");
 * assertThat(result.errorCodes()).containsExactly("FEATURE_DISABLED");
 * }</pre>
 */
public final class GraphQlResult {

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private final int status;
    private final JsonNode json;

    GraphQlResult(int status, JsonNode json) {
        this.status = status;
        this.json = json;
    }

    /** HTTP status of the response. */
    public int status() {
        return status;
    }

    /** The whole response body. */
    public JsonNode json() {
        return json;
    }

    /** A node under {@code data}, e.g. {@code "viewer.wishlists.edges[0].node.id"}; a missing path fails the test. */
    public JsonNode path(String path) {
        JsonNode node = json.path("data");
        Matcher segment = SEGMENT.matcher(path);
        while (segment.find()) {
            node = segment.group(1) != null ? node.path(segment.group(1)) : node.path(Integer.parseInt(segment.group(2)));
            if (node.isMissingNode()) {
                throw new AssertionError("No '" + path + "' in the response: " + json);
            }
        }
        return node;
    }

    public List<JsonNode> errors() {
        List<JsonNode> errors = new ArrayList<>();
        json.path("errors").forEach(errors::add);
        return errors;
    }

    /** {@code extensions.code} of every error, in order. */
    public List<String> errorCodes() {
        return errors().stream().map(error -> error.path("extensions").path("code").asString(null)).toList();
    }

    /** Fails the test with the whole response when it has errors. */
    public GraphQlResult assertNoErrors() {
        if (!errors().isEmpty() || status != 200) {
            throw new AssertionError("Expected no errors, got HTTP " + status + ": " + json);
        }
        return this;
    }

    @Override
    public String toString() {
        return "HTTP " + status + " " + json;
    }
}
