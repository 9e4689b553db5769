package dev.aftersales.host.console;

import dev.aftersales.host.admin.Operator;
import dev.aftersales.host.plugins.PluginRuntime;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A shop's integration: its connector (settings on the feature's page, secrets write-only), the webhook secret
 * (rotated, shown once), the webhook inbox and the notification outbox with their dead letters, replayed one by one
 * or all at once.
 */
@Controller
class IntegrationController {

    /** Dead letters one page shows and one "replay all" replays. */
    private static final int PAGE = 100;

    private static final String INTEGRATION = """
            query($id: ID!, $first: Int!) { shop(id: $id) { id name hasWebhookSecret previousWebhookSecretValidUntil
              plugins { pluginId title enabled }
              inbox { counts { state count }
                deadLetters(first: $first) { edges { node { id eventId type attempts lastError receivedAt } } } }
              notifications { counts { state count }
                messages(state: "DEAD", first: $first) { edges { node { id feature template attempts reason
                  createdAt } } } } } }""";
    private static final String INBOX_REPLAY = """
            mutation($shop: ID!, $id: ID!) { inboxEventReplay(input: {shopId: $shop, inboxEventId: $id}) {
              replayed userErrors { code message } } }""";
    private static final String OUTBOX_REPLAY = """
            mutation($shop: ID!, $id: ID!) { notificationReplay(input: {shopId: $shop, messageId: $id}) {
              replayed userErrors { code message } } }""";

    private final OperatorApi api;
    private final ShopAccess access;
    private final PluginRuntime plugins;

    IntegrationController(OperatorApi api, ShopAccess access, PluginRuntime plugins) {
        this.api = api;
        this.access = access;
        this.plugins = plugins;
    }

    @GetMapping("/admin/shops/{shopId}/integration")
    String integration(@AuthenticationPrincipal Operator operator, @PathVariable String shopId, Model model) {
        OperatorAnswer answer = api.call(operator, INTEGRATION, Map.of("id", shopId, "first", PAGE));
        if (answer.map("shop") == null) {
            throw ConsoleFailure.notFound();
        }
        model.addAttribute("shop", answer.map("shop"));
        model.addAttribute("connectors", answer.list("shop.plugins").stream()
                .filter(plugin -> plugins.plugin((String) plugin.get("pluginId"))
                        .map(loaded -> loaded.connector().isPresent()).orElse(false))
                .toList());
        model.addAttribute("section", "integration");
        return "console/integration";
    }

    /** The new secret is shown on this answer only. */
    @PostMapping("/admin/shops/{shopId}/integration/webhook-secret")
    String rotate(@AuthenticationPrincipal Operator operator, @PathVariable String shopId,
                  @RequestParam(defaultValue = "60") int graceMinutes, Model model, HttpServletResponse response) {
        OperatorAnswer answer = api.call(operator, """
                mutation($shop: ID!, $grace: Int!) { shopWebhookSecretRotate(input: {shopId: $shop,
                  graceMinutes: $grace}) { secret previousSecretValidUntil userErrors { code message } } }""",
                Map.of("shop", shopId, "grace", graceMinutes));
        notFoundOn(answer.userErrors("shopWebhookSecretRotate"));
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("newSecret", answer.at("shopWebhookSecretRotate.secret"));
        model.addAttribute("rotateErrors", answer.userErrors("shopWebhookSecretRotate"));
        return integration(operator, shopId, model);
    }

    @PostMapping("/admin/shops/{shopId}/integration/{box:inbox|outbox}/{id}/replay")
    String replay(@AuthenticationPrincipal Operator operator, @PathVariable String shopId, @PathVariable String box,
                  @PathVariable String id, RedirectAttributes redirect) {
        access.shop(operator, shopId);
        List<Map<String, Object>> errors = replayOne(operator, shopId, box, id);
        redirect.addFlashAttribute("replayed", errors.isEmpty() ? 1 : 0);
        redirect.addFlashAttribute("replayErrors", errors);
        return "redirect:/admin/shops/" + shopId + "/integration";
    }

    @PostMapping("/admin/shops/{shopId}/integration/{box:inbox|outbox}/replay-all")
    String replayAll(@AuthenticationPrincipal Operator operator, @PathVariable String shopId,
                     @PathVariable String box, RedirectAttributes redirect) {
        OperatorAnswer answer = api.call(operator, INTEGRATION, Map.of("id", shopId, "first", PAGE));
        if (answer.map("shop") == null) {
            throw ConsoleFailure.notFound();
        }
        List<Map<String, Object>> edges = "inbox".equals(box) ? answer.list("shop.inbox.deadLetters.edges")
                : answer.list("shop.notifications.messages.edges");
        int replayed = 0;
        List<Map<String, Object>> errors = new ArrayList<>();
        for (Map<String, Object> edge : edges) {
            @SuppressWarnings("unchecked")
            Map<String, Object> node = (Map<String, Object>) edge.get("node");
            List<Map<String, Object>> failed = replayOne(operator, shopId, box, String.valueOf(node.get("id")));
            replayed += failed.isEmpty() ? 1 : 0;
            errors.addAll(failed);
        }
        redirect.addFlashAttribute("replayed", replayed);
        redirect.addFlashAttribute("replayErrors", errors);
        return "redirect:/admin/shops/" + shopId + "/integration";
    }

    private List<Map<String, Object>> replayOne(Operator operator, String shopId, String box, String id) {
        boolean inbox = "inbox".equals(box);
        List<Map<String, Object>> errors = api.call(operator, inbox ? INBOX_REPLAY : OUTBOX_REPLAY,
                Map.of("shop", shopId, "id", id)).userErrors(inbox ? "inboxEventReplay" : "notificationReplay");
        return errors;
    }

    private static void notFoundOn(List<Map<String, Object>> errors) {
        if (errors.stream().anyMatch(error -> "NOT_FOUND".equals(error.get("code")))) {
            throw ConsoleFailure.notFound();
        }
    }
}
