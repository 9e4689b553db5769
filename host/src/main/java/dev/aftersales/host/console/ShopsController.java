package dev.aftersales.host.console;

import dev.aftersales.host.admin.Operator;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Shops: the list, creating one (platform key), editing one, and its admin keys. */
@Controller
class ShopsController {

    private static final String SHOP = """
            query($id: ID!) { shop(id: $id) { id name jwtIssuer jwksUrl
              notifications { settings { timeZone defaultLocale } }
              adminApiKeys { id name prefix createdAt revokedAt } } }""";

    private final OperatorApi api;

    ShopsController(OperatorApi api) {
        this.api = api;
    }

    @GetMapping("/admin/sign-in")
    String signIn() {
        return "console/sign-in";
    }

    @GetMapping({"/admin", "/admin/"})
    String home(@AuthenticationPrincipal Operator operator) {
        return operator.isPlatform() ? "redirect:/admin/shops" : "redirect:/admin/shops/" + operator.shopId();
    }

    @GetMapping("/admin/shops")
    String shops(@AuthenticationPrincipal Operator operator, Model model) {
        List<Map<String, Object>> shops = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("after", after);
            OperatorAnswer page = api.call(operator, """
                    query($after: String) { shops(first: 100, after: $after) {
                      edges { node { id name plugins { enabled } } } pageInfo { hasNextPage endCursor } } }""",
                    variables);
            page.list("shops.edges").forEach(edge -> shops.add(castMap(edge.get("node"))));
            after = Boolean.TRUE.equals(page.at("shops.pageInfo.hasNextPage"))
                    ? (String) page.at("shops.pageInfo.endCursor") : null;
        } while (after != null);
        model.addAttribute("shops", shops);
        return "console/shops";
    }

    @PostMapping("/admin/shops")
    String create(@AuthenticationPrincipal Operator operator, @RequestParam String id, @RequestParam String name,
                  Model model) {
        OperatorAnswer answer = api.call(operator, """
                mutation($id: ID!, $name: String!) { shopCreate(input: {id: $id, name: $name}) {
                  shop { id } userErrors { field code message } } }""", Map.of("id", id, "name", name));
        if (!answer.userErrors("shopCreate").isEmpty()) {
            model.addAttribute("createErrors", answer.userErrors("shopCreate"));
            model.addAttribute("draft", Map.of("id", id, "name", name));
            return shops(operator, model);
        }
        return "redirect:/admin/shops/" + id;
    }

    @GetMapping("/admin/shops/{shopId}")
    String shop(@AuthenticationPrincipal Operator operator, @PathVariable String shopId, Model model) {
        Map<String, Object> shop = api.call(operator, SHOP, Map.of("id", shopId)).map("shop");
        if (shop == null) {
            throw ConsoleFailure.notFound();
        }
        model.addAttribute("shop", shop);
        model.addAttribute("section", "shop");
        return "console/shop";
    }

    /** Name and customer tokens. */
    @PostMapping("/admin/shops/{shopId}")
    String update(@AuthenticationPrincipal Operator operator, @PathVariable String shopId,
                  @RequestParam String name, @RequestParam(defaultValue = "") String jwtIssuer,
                  @RequestParam(defaultValue = "") String jwksUrl, Model model) {
        Map<String, Object> input = new HashMap<>();
        input.put("id", shopId);
        input.put("name", name);
        input.put("jwtIssuer", jwtIssuer.isBlank() ? null : jwtIssuer);
        input.put("jwksUrl", jwksUrl.isBlank() ? null : jwksUrl);
        return saved(operator, shopId, api.call(operator, """
                mutation($input: ShopUpdateInput!) { shopUpdate(input: $input) {
                  userErrors { field code message } } }""", Map.of("input", input)).userErrors("shopUpdate"), model);
    }

    /** Time zone and language: the shop's notification settings (quiet hours, jobs at a local time, mails). */
    @PostMapping("/admin/shops/{shopId}/locale")
    String updateLocale(@AuthenticationPrincipal Operator operator, @PathVariable String shopId,
                        @RequestParam String timeZone, @RequestParam String defaultLocale, Model model) {
        return saved(operator, shopId, api.call(operator, """
                mutation($shop: ID!, $settings: JSON!) { notificationSettingsUpdate(input: {shopId: $shop,
                  settings: $settings}) { userErrors { field code message } } }""",
                Map.of("shop", shopId, "settings", Map.of("timeZone", timeZone.trim(),
                        "defaultLocale", defaultLocale.trim()))).userErrors("notificationSettingsUpdate"), model);
    }

    private String saved(Operator operator, String shopId, List<Map<String, Object>> errors, Model model) {
        if (errors.isEmpty()) {
            return "redirect:/admin/shops/" + shopId + "?saved";
        }
        if (errors.stream().anyMatch(error -> "NOT_FOUND".equals(error.get("code")))) {
            throw ConsoleFailure.notFound();
        }
        model.addAttribute("errors", FieldErrors.of(errors));
        return shop(operator, shopId, model);
    }

    /** The new key is shown on this answer only: it is not stored, and the page is not cached. */
    @PostMapping("/admin/shops/{shopId}/keys")
    String createKey(@AuthenticationPrincipal Operator operator, @PathVariable String shopId,
                     @RequestParam String name, Model model, HttpServletResponse response) {
        OperatorAnswer answer = api.call(operator, """
                mutation($shop: ID!, $name: String!) { adminApiKeyCreate(input: {shopId: $shop, name: $name}) {
                  key userErrors { field code message } } }""", Map.of("shop", shopId, "name", name));
        if (answer.userErrors("adminApiKeyCreate").stream().anyMatch(e -> "NOT_FOUND".equals(e.get("code")))) {
            throw ConsoleFailure.notFound();
        }
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("newKey", answer.at("adminApiKeyCreate.key"));
        model.addAttribute("keyErrors", answer.userErrors("adminApiKeyCreate"));
        return shop(operator, shopId, model);
    }

    @PostMapping("/admin/shops/{shopId}/keys/{keyId}/revoke")
    String revokeKey(@AuthenticationPrincipal Operator operator, @PathVariable String shopId,
                     @PathVariable String keyId, Model model) {
        OperatorAnswer answer = api.call(operator, """
                mutation($shop: ID!, $key: ID!) { adminApiKeyRevoke(input: {shopId: $shop, keyId: $key}) {
                  revoked userErrors { field code message } } }""", Map.of("shop", shopId, "key", keyId));
        List<Map<String, Object>> errors = answer.userErrors("adminApiKeyRevoke");
        if (errors.stream().anyMatch(error -> String.valueOf(error.get("field")).contains("shopId"))) {
            throw ConsoleFailure.notFound();
        }
        if (errors.isEmpty()) {
            return "redirect:/admin/shops/" + shopId + "?revoked";
        }
        model.addAttribute("keyErrors", errors);
        return shop(operator, shopId, model);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
