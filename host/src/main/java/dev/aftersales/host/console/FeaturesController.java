package dev.aftersales.host.console;

import dev.aftersales.host.admin.Operator;
import dev.aftersales.host.plugins.LoadedPlugin;
import dev.aftersales.host.plugins.PluginRuntime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A shop's features: every loaded plugin, enabling and disabling with the effect stated, and settings forms. */
@Controller
class FeaturesController {

    private static final String FEATURES = """
            query($id: ID!) {
              shop(id: $id) { id name plugins { pluginId title description enabled } }
              plugins { id version requires }
              pluginFailures { jar pluginId reason at }
            }""";
    private static final String FEATURE = """
            query($id: ID!) { shop(id: $id) { id name plugins { pluginId title description enabled settings secretsSet
              settingDefinitions { key type defaultValue min max description } } } }""";

    private final OperatorApi api;
    private final PluginRuntime plugins;

    FeaturesController(OperatorApi api, PluginRuntime plugins) {
        this.api = api;
        this.plugins = plugins;
    }

    @GetMapping("/admin/shops/{shopId}/features")
    String features(@AuthenticationPrincipal Operator operator, @PathVariable String shopId, Model model) {
        OperatorAnswer answer = api.call(operator, FEATURES, Map.of("id", shopId));
        if (answer.map("shop") == null) {
            throw ConsoleFailure.notFound();
        }
        Map<String, Map<String, Object>> versions = new HashMap<>();
        answer.list("plugins").forEach(plugin -> versions.put((String) plugin.get("id"), plugin));
        List<Map<String, Object>> features = answer.list("shop.plugins").stream().map(feature -> {
            Map<String, Object> row = new LinkedHashMap<>(feature);
            String id = (String) feature.get("pluginId");
            row.put("version", versions.getOrDefault(id, Map.of()).get("version"));
            row.put("storefrontFields", storefrontFields(id));
            return row;
        }).toList();
        model.addAttribute("shop", answer.map("shop"));
        model.addAttribute("features", features);
        model.addAttribute("failures", answer.list("pluginFailures"));
        model.addAttribute("section", "features");
        return "console/features";
    }

    @PostMapping("/admin/shops/{shopId}/features/{pluginId}/{action:enable|disable}")
    String toggle(@AuthenticationPrincipal Operator operator, @PathVariable String shopId,
                  @PathVariable String pluginId, @PathVariable String action, RedirectAttributes redirect) {
        String mutation = "enable".equals(action) ? "pluginEnable" : "pluginDisable";
        OperatorAnswer answer = api.call(operator, "mutation($shop: ID!, $plugin: ID!) { " + mutation
                + "(input: {shopId: $shop, pluginId: $plugin}) { shopPlugin { enabled } userErrors { code message } } }",
                Map.of("shop", shopId, "plugin", pluginId));
        List<Map<String, Object>> errors = answer.userErrors(mutation);
        if (errors.stream().anyMatch(error -> "NOT_FOUND".equals(error.get("code")))) {
            throw ConsoleFailure.notFound();
        }
        redirect.addFlashAttribute("changed", Map.of("pluginId", pluginId, "action", action,
                "fields", storefrontFields(pluginId)));
        redirect.addFlashAttribute("errors", errors);
        return "redirect:/admin/shops/" + shopId + "/features";
    }

    @GetMapping("/admin/shops/{shopId}/features/{pluginId}")
    String settings(@AuthenticationPrincipal Operator operator, @PathVariable String shopId,
                    @PathVariable String pluginId, Model model) {
        return settingsPage(operator, shopId, pluginId, Map.of(), Map.of(), model);
    }

    @PostMapping("/admin/shops/{shopId}/features/{pluginId}")
    String saveSettings(@AuthenticationPrincipal Operator operator, @PathVariable String shopId,
                        @PathVariable String pluginId, @RequestParam MultiValueMap<String, String> form, Model model) {
        Map<String, Object> feature = feature(operator, shopId, pluginId, model);
        Map<String, String> posted = SettingsForm.posted(form);
        OperatorAnswer answer = api.call(operator, """
                mutation($shop: ID!, $plugin: ID!, $settings: JSON!) { pluginSettingsUpdate(input: {shopId: $shop,
                  pluginId: $plugin, settings: $settings}) { userErrors { field code message } } }""",
                Map.of("shop", shopId, "plugin", pluginId,
                        "settings", SettingsForm.change(definitions(feature), posted)));
        List<Map<String, Object>> errors = answer.userErrors("pluginSettingsUpdate");
        if (errors.isEmpty()) {
            return "redirect:/admin/shops/" + shopId + "/features/" + pluginId + "?saved";
        }
        return settingsPage(operator, shopId, pluginId, posted, FieldErrors.of(errors), model);
    }

    private String settingsPage(Operator operator, String shopId, String pluginId, Map<String, String> posted,
                                Map<String, String> errors, Model model) {
        Map<String, Object> feature = feature(operator, shopId, pluginId, model);
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) feature.getOrDefault("settings", Map.of());
        model.addAttribute("feature", feature);
        @SuppressWarnings("unchecked")
        List<String> secretsSet = (List<String>) feature.getOrDefault("secretsSet", List.of());
        model.addAttribute("fields", SettingsForm.fields(definitions(feature), values, secretsSet, posted));
        model.addAttribute("errors", errors);
        model.addAttribute("section", "features");
        return "console/feature";
    }

    private Map<String, Object> feature(Operator operator, String shopId, String pluginId, Model model) {
        OperatorAnswer answer = api.call(operator, FEATURE, Map.of("id", shopId));
        if (answer.map("shop") == null) {
            throw ConsoleFailure.notFound();
        }
        model.addAttribute("shop", answer.map("shop"));
        return answer.list("shop.plugins").stream().filter(plugin -> pluginId.equals(plugin.get("pluginId")))
                .findFirst().orElseThrow(ConsoleFailure::notFound);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> definitions(Map<String, Object> feature) {
        return (List<Map<String, Object>>) feature.get("settingDefinitions");
    }

    private List<String> storefrontFields(String pluginId) {
        return plugins.plugin(pluginId).map(LoadedPlugin::schemaFragment).map(StorefrontFields::of).orElse(List.of());
    }
}
