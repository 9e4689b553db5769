package dev.aftersales.host.console;

import dev.aftersales.host.admin.Operator;
import dev.aftersales.host.notify.templates.RenderedMessage;
import dev.aftersales.host.notify.templates.TemplateOverrides;
import dev.aftersales.host.notify.templates.TemplateProblem;
import dev.aftersales.host.notify.templates.TemplateSource;
import dev.aftersales.host.notify.templates.TemplateSources;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Messages of a shop: sender, SMTP, frequency cap and quiet hours; templates with an override editor and a live
 * preview rendered with the template's sample data; the consent records of a customer or address.
 */
@Controller
class MessagesController {

    /** The settings the form edits, in its order; the SMTP password is write-only. */
    private static final List<String> SETTINGS = List.of("senderEmail", "senderName", "replyTo", "smtpHost", "smtpPort",
            "smtpUsername", "smtpStartTls", "capMax", "capDays", "capAction", "quietStart", "quietEnd");

    private static final List<String> NUMBERS = List.of("smtpPort", "capMax", "capDays");

    private static final String MESSAGES = """
            query($id: ID!) { shop(id: $id) { id name notifications {
              settings { senderEmail senderName replyTo smtpHost smtpPort smtpUsername hasSmtpPassword smtpStartTls
                capMax capDays capAction quietStart quietEnd timeZone }
              counts { state count }
              templates { feature template description locales overriddenLocales } } } }""";
    private static final String CONSENTS = """
            query($id: ID!, $customer: ID, $email: String) { shop(id: $id) { notifications {
              consents(customerId: $customer, email: $email) { category state source purpose requestedAt confirmedAt
                revokedAt history { action source at } } } } }""";

    private final OperatorApi api;
    private final ShopAccess access;
    private final TemplateSources sources;
    private final TemplateOverrides overrides;

    MessagesController(OperatorApi api, ShopAccess access, TemplateSources sources, TemplateOverrides overrides) {
        this.api = api;
        this.access = access;
        this.sources = sources;
        this.overrides = overrides;
    }

    @GetMapping("/admin/shops/{shopId}/messages")
    String messages(@AuthenticationPrincipal Operator operator, @PathVariable String shopId,
                    @RequestParam(required = false) String customer, @RequestParam(required = false) String email,
                    Model model) {
        OperatorAnswer answer = api.call(operator, MESSAGES, Map.of("id", shopId));
        if (answer.map("shop") == null) {
            throw ConsoleFailure.notFound();
        }
        model.addAttribute("shop", answer.map("shop"));
        model.addAttribute("notifications", answer.map("shop.notifications"));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", answer.map("shop.notifications.settings"));
        }
        if (customer != null && !customer.isBlank() || email != null && !email.isBlank()) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("id", shopId);
            variables.put("customer", customer == null || customer.isBlank() ? null : customer.trim());
            variables.put("email", email == null || email.isBlank() ? null : email.trim());
            model.addAttribute("consents", api.call(operator, CONSENTS, variables).list("shop.notifications.consents"));
        }
        model.addAttribute("settingKeys", SETTINGS);
        model.addAttribute("section", "messages");
        return "console/messages";
    }

    /** Sends a test mail with the shop's SMTP settings now; the page says whether the SMTP server took it. */
    @PostMapping("/admin/shops/{shopId}/messages/test-mail")
    String testMail(@AuthenticationPrincipal Operator operator, @PathVariable String shopId, @RequestParam String to,
                    Model model) {
        OperatorAnswer answer = api.call(operator, """
                mutation($shop: ID!, $to: String!) { notificationTestMailSend(input: {shopId: $shop, to: $to}) {
                  sent error userErrors { field code message } } }""", Map.of("shop", shopId, "to", to.trim()));
        List<Map<String, Object>> errors = answer.userErrors("notificationTestMailSend");
        if (errors.stream().anyMatch(error -> "NOT_FOUND".equals(error.get("code")))) {
            throw ConsoleFailure.notFound();
        }
        model.addAttribute("testMailTo", to.trim());
        if (!errors.isEmpty()) {
            model.addAttribute("testMailError", errors.getFirst().get("message"));
        } else if (Boolean.TRUE.equals(answer.map("notificationTestMailSend").get("sent"))) {
            model.addAttribute("testMailSent", true);
        } else {
            model.addAttribute("testMailError", answer.map("notificationTestMailSend").get("error"));
        }
        return messages(operator, shopId, null, null, model);
    }

    @PostMapping("/admin/shops/{shopId}/messages/settings")
    String saveSettings(@AuthenticationPrincipal Operator operator, @PathVariable String shopId,
                        @RequestParam Map<String, String> form, Model model) {
        OperatorAnswer current = api.call(operator, MESSAGES, Map.of("id", shopId));
        if (current.map("shop") == null) {
            throw ConsoleFailure.notFound();
        }
        // only what the operator changed: the others keep following the host's defaults
        Map<String, Object> shown = current.map("shop.notifications.settings");
        Map<String, Object> posted = new LinkedHashMap<>();
        SETTINGS.forEach(key -> posted.put(key, form.getOrDefault(key, "").trim()));
        posted.put("smtpStartTls", "true".equals(form.get("smtpStartTls")));
        Map<String, Object> change = new LinkedHashMap<>();
        posted.forEach((key, value) -> {
            if (!String.valueOf(value).equals(shown.get(key) == null ? "" : String.valueOf(shown.get(key)))) {
                change.put(key, NUMBERS.contains(key) ? number((String) value) : value);
            }
        });
        String password = form.getOrDefault("smtpPassword", "");
        if (!password.isEmpty()) {
            change.put("smtpPassword", password);
        }
        List<Map<String, Object>> errors = api.call(operator, """
                mutation($shop: ID!, $settings: JSON!) { notificationSettingsUpdate(input: {shopId: $shop,
                  settings: $settings}) { userErrors { field code message } } }""",
                Map.of("shop", shopId, "settings", change)).userErrors("notificationSettingsUpdate");
        if (errors.isEmpty()) {
            return "redirect:/admin/shops/" + shopId + "/messages?saved";
        }
        if (errors.stream().anyMatch(error -> "NOT_FOUND".equals(error.get("code")))) {
            throw ConsoleFailure.notFound();
        }
        model.addAttribute("form", posted);
        model.addAttribute("errors", FieldErrors.of(errors));
        return messages(operator, shopId, null, null, model);
    }

    @GetMapping("/admin/shops/{shopId}/messages/templates/{feature}/{template}/{locale}")
    String editor(@AuthenticationPrincipal Operator operator, @PathVariable String shopId,
                  @PathVariable String feature, @PathVariable String template, @PathVariable String locale,
                  Model model) {
        model.addAttribute("shop", access.shop(operator, shopId));
        TemplateSource source = sources.find(shopId, feature, template, List.of(locale))
                .orElseThrow(ConsoleFailure::notFound);
        return editorPage(shopId, source, Map.of(), model);
    }

    /** The live preview (htmx): the draft rendered with sample data, or the error with its line. */
    @PostMapping("/admin/shops/{shopId}/messages/templates/{feature}/{template}/{locale}/preview")
    String preview(@AuthenticationPrincipal Operator operator, @PathVariable String shopId,
                   @PathVariable String feature, @PathVariable String template, @PathVariable String locale,
                   @RequestParam String subject, @RequestParam String html, @RequestParam String text, Model model) {
        access.shop(operator, shopId);
        sources.find(shopId, feature, template, List.of(locale)).orElseThrow(ConsoleFailure::notFound);
        preview(shopId, new TemplateSource(feature, template, locale, subject, html, text, "draft"), model);
        return "console/template :: preview";
    }

    @PostMapping("/admin/shops/{shopId}/messages/templates/{feature}/{template}/{locale}")
    String save(@AuthenticationPrincipal Operator operator, @PathVariable String shopId, @PathVariable String feature,
                @PathVariable String template, @PathVariable String locale, @RequestParam String subject,
                @RequestParam String html, @RequestParam String text,
                @RequestParam(defaultValue = "save") String action, Model model) {
        String path = "/admin/shops/" + shopId + "/messages/templates/" + feature + "/" + template + "/" + locale;
        Map<String, Object> key = Map.of("shop", shopId, "feature", feature, "template", template, "locale", locale);
        if ("reset".equals(action)) {
            api.call(operator, """
                    mutation($shop: ID!, $feature: String!, $template: String!, $locale: String!) {
                      notificationTemplateReset(input: {shopId: $shop, feature: $feature, template: $template,
                        locale: $locale}) { userErrors { code message } } }""", key);
            return "redirect:" + path + "?reset";
        }
        Map<String, Object> variables = new HashMap<>(key);
        variables.putAll(Map.of("subject", subject, "html", html, "text", text));
        List<Map<String, Object>> errors = api.call(operator, """
                mutation($shop: ID!, $feature: String!, $template: String!, $locale: String!, $subject: String!,
                         $html: String!, $text: String!) {
                  notificationTemplateSave(input: {shopId: $shop, feature: $feature, template: $template,
                    locale: $locale, subject: $subject, html: $html, text: $text}) {
                    userErrors { field code message } } }""", variables).userErrors("notificationTemplateSave");
        if (errors.isEmpty()) {
            return "redirect:" + path + "?saved";
        }
        if (errors.stream().anyMatch(error -> "NOT_FOUND".equals(error.get("code")))) {
            throw ConsoleFailure.notFound();
        }
        model.addAttribute("shop", access.shop(operator, shopId));
        return editorPage(shopId, new TemplateSource(feature, template, locale, subject, html, text, "draft"),
                FieldErrors.of(errors), model);
    }

    /** A number as a number; anything else as typed, so the host names what is wrong with it. */
    private static Object number(String value) {
        try {
            return value.isEmpty() ? value : Integer.valueOf(value);
        } catch (NumberFormatException notANumber) {
            return value;
        }
    }

    private String editorPage(String shopId, TemplateSource source, Map<String, String> errors, Model model) {
        model.addAttribute("source", source);
        model.addAttribute("errors", errors);
        model.addAttribute("section", "messages");
        preview(shopId, source, model);
        return "console/template";
    }

    private void preview(String shopId, TemplateSource draft, Model model) {
        try {
            RenderedMessage rendered = overrides.previewDraft(shopId, draft);
            model.addAttribute("rendered", rendered);
        } catch (TemplateProblem problem) {
            model.addAttribute("problem", problem.getMessage());
        }
    }
}
