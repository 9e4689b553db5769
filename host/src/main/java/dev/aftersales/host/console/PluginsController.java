package dev.aftersales.host.console;

import dev.aftersales.host.admin.Operator;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Plugins of the host (platform key only): loaded plugins and load failures, installing or upgrading from a jar
 * (a refusal, such as a conflict or a plugin API version, is shown and nothing changes), and uninstalling.
 */
@Controller
class PluginsController {

    private static final String PLUGINS = """
            { plugins { id version title description requires instances { instanceId state error } }
              pluginFailures { jar pluginId reason at } }""";

    private final OperatorApi api;

    PluginsController(OperatorApi api) {
        this.api = api;
    }

    @GetMapping("/admin/plugins")
    String plugins(@AuthenticationPrincipal Operator operator, Model model) {
        requirePlatform(operator);
        OperatorAnswer answer = api.call(operator, PLUGINS);
        model.addAttribute("plugins", answer.list("plugins"));
        model.addAttribute("failures", answer.list("pluginFailures"));
        model.addAttribute("section", "plugins");
        return "console/plugins";
    }

    @PostMapping("/admin/plugins")
    String install(@AuthenticationPrincipal Operator operator, @RequestParam("jar") MultipartFile jar,
                   RedirectAttributes redirect) throws IOException {
        requirePlatform(operator);
        OperatorAnswer answer = api.call(operator, """
                mutation($jar: String!) { pluginInstall(input: {jarBase64: $jar}) { plugin { id version }
                  userErrors { code message } } }""",
                Map.of("jar", Base64.getEncoder().encodeToString(jar.getBytes())));
        redirect.addFlashAttribute("installed", answer.map("pluginInstall.plugin"));
        redirect.addFlashAttribute("pluginErrors", answer.userErrors("pluginInstall"));
        return "redirect:/admin/plugins";
    }

    @PostMapping("/admin/plugins/{pluginId}/uninstall")
    String uninstall(@AuthenticationPrincipal Operator operator, @PathVariable String pluginId,
                     RedirectAttributes redirect) {
        requirePlatform(operator);
        OperatorAnswer answer = api.call(operator, """
                mutation($id: ID!) { pluginUninstall(input: {pluginId: $id}) { uninstalled userErrors { code message } } }""",
                Map.of("id", pluginId));
        redirect.addFlashAttribute("uninstalled", Boolean.TRUE.equals(answer.at("pluginUninstall.uninstalled"))
                ? pluginId : null);
        redirect.addFlashAttribute("pluginErrors", answer.userErrors("pluginUninstall"));
        return "redirect:/admin/plugins";
    }

    /** Plugins belong to the whole host; a shop's key does not even see this page (the API refuses it too). */
    private static void requirePlatform(Operator operator) {
        if (!operator.isPlatform()) {
            throw ConsoleFailure.notFound();
        }
    }
}
