package dev.aftersales.plugins.connectorvendure;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.graphql.FieldCall;
import dev.aftersales.api.graphql.UserError;
import dev.aftersales.api.platform.PlatformException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The operator's initial import: asks the Vendure plugin to send the catalog and recent orders as events (its
 * mutation {@code aftersalesInitialSync}), and reads the progress from Vendure's job list. Aftersales stores
 * nothing of its own for it: Vendure's job queue holds where the import stands, so it survives restarts on both
 * sides.
 */
final class InitialSync {

    private static final String QUEUE = "aftersales-sync";
    private static final String PROGRESS = """
            query($queue: String!) { jobs(options: {filter: {queueName: {eq: $queue}},
              sort: {createdAt: DESC}, take: 1}) { items { state data result error } } }""";

    private final AdminApi admin;

    InitialSync(AdminApi admin) {
        this.admin = admin;
    }

    Map<String, Object> start(FieldCall call) {
        FeatureContext shop = call.shop();
        Object days = call.input().get("orderDays");
        int orderDays = days == null ? 365 : ((Number) days).intValue();
        if (orderDays < 1 || orderDays > 3650) {
            return payload(false, UserError.of("INVALID", "orderDays must be 1 to 3650", "input", "orderDays"));
        }
        String since = shop.clock().instant().minus(Duration.ofDays(orderDays)).toString();
        try {
            call(shop, "mutation($since: DateTime!) { aftersalesInitialSync(input: {ordersSince: $since}) }",
                    Map.of("since", since));
            return payload(true, null);
        } catch (PlatformException e) {
            return payload(false, UserError.of("PLATFORM_UNAVAILABLE", e.getMessage()));
        }
    }

    /**
     * Null before the first import; Vendure's latest job of the import otherwise, or UNREACHABLE with the reason
     * when Vendure cannot be asked.
     */
    Map<String, Object> progress(FieldCall call) {
        JsonNode jobs;
        try {
            jobs = call(call.shop(), PROGRESS, Map.of("queue", QUEUE)).path("jobs").path("items");
        } catch (PlatformException e) {
            return view("UNREACHABLE", 0, 0, e.getMessage());
        }
        if (!jobs.isArray() || jobs.isEmpty()) {
            return null;
        }
        JsonNode job = jobs.get(0);
        boolean failed = "FAILED".equals(job.path("state").asString(""));
        // a finished page's result is the state after it; a page still waiting or running has only its data
        JsonNode state = job.path("result").isObject() ? job.path("result") : job.path("data");
        return view(failed ? "FAILED" : state.path("step").asString("variants").toUpperCase(Locale.ROOT),
                state.path("variantsSent").asInt(0), state.path("ordersSent").asInt(0),
                failed ? job.path("error").asString(null) : null);
    }

    private static Map<String, Object> view(String step, int variantsSent, int ordersSent, String error) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("step", step);
        view.put("variantsSent", variantsSent);
        view.put("ordersSent", ordersSent);
        view.put("error", error);
        return view;
    }

    private JsonNode call(FeatureContext shop, String document, Map<String, Object> variables)
            throws PlatformException {
        return admin.call(shop.shopId(), VendureSettings.of(shop.settings()), shop.clock(), document, variables);
    }

    private static Map<String, Object> payload(boolean started, UserError error) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("started", started);
        payload.put("userErrors", error == null ? List.of() : List.of(error));
        return payload;
    }
}
