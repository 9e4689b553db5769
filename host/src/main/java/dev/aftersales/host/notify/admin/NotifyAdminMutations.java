package dev.aftersales.host.notify.admin;

import dev.aftersales.host.notify.settings.NotifySettings;
import dev.aftersales.host.notify.outbox.Delivery;
import dev.aftersales.api.graphql.UserError;
import dev.aftersales.api.notify.Recipient;
import dev.aftersales.host.admin.AdminWiring;
import dev.aftersales.host.admin.Operator;
import dev.aftersales.host.notify.NotifyErasure;
import dev.aftersales.host.notify.channels.TestMail;
import dev.aftersales.host.notify.outbox.Outbox;
import dev.aftersales.host.notify.outbox.OutboxWorker;
import dev.aftersales.host.notify.settings.NotifySettingsStore;
import dev.aftersales.host.notify.templates.TemplateOverrides;
import dev.aftersales.host.tenancy.Shop;
import dev.aftersales.host.tenancy.ShopDirectory;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Operator API, write side: notification settings, webhook secret, replay, templates, erasure. */
@Component
public class NotifyAdminMutations implements AdminWiring {

    private final ShopDirectory shops;
    private final NotifySettingsStore settings;
    private final NotifyAdminQueries queries;
    private final Outbox outbox;
    private final OutboxWorker worker;
    private final TemplateOverrides overrides;
    private final NotifyErasure erasure;
    private final TestMail testMail;

    NotifyAdminMutations(ShopDirectory shops, NotifySettingsStore settings, NotifyAdminQueries queries, Outbox outbox,
                         OutboxWorker worker, TemplateOverrides overrides, NotifyErasure erasure, TestMail testMail) {
        this.shops = shops;
        this.settings = settings;
        this.queries = queries;
        this.outbox = outbox;
        this.worker = worker;
        this.overrides = overrides;
        this.erasure = erasure;
        this.testMail = testMail;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Mutation", type -> type
                .dataFetcher("notificationSettingsUpdate", this::settingsUpdate)
                .dataFetcher("notificationWebhookSecretRotate", this::rotate)
                .dataFetcher("notificationReplay", this::replay)
                .dataFetcher("notificationTemplateSave", this::templateSave)
                .dataFetcher("notificationTemplateReset", this::templateReset)
                .dataFetcher("notificationRecipientErase", this::erase)
                .dataFetcher("notificationTestMailSend", this::testMail));
    }

    private Map<String, Object> testMail(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        String shopId = (String) input.get("shopId");
        String to = (String) input.get("to");
        Map<String, Object> payload = payload("sent", "error");
        payload.put("sent", false);
        if (!manages(env, shopId)) {
            return notFound(payload);
        }
        if (to == null || !Recipient.isValidEmail(to.strip())) {
            return errors(payload, UserError.of("INVALID", "to must be an e-mail address such as ops@shop.example",
                    "input", "to"));
        }
        NotifySettings shopSettings = settings.of(shopId);
        Optional<String> failure = testMail.send(shopSettings, shops.find(shopId).map(Shop::name).orElse(shopId),
                to.strip(), Locale.forLanguageTag(shopSettings.defaultLocale()));
        payload.put("sent", failure.isEmpty());
        payload.put("error", failure.orElse(null));
        return payload;
    }

    private Map<String, Object> settingsUpdate(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        String shopId = (String) input.get("shopId");
        Map<String, Object> payload = payload("settings", "webhookSecret");
        if (!manages(env, shopId)) {
            return notFound(payload);
        }
        if (!(input.get("settings") instanceof Map<?, ?> raw)) {
            return errors(payload, UserError.of("INVALID", "settings must be a JSON object such as {\"capMax\": 3}",
                    "input", "settings"));
        }
        NotifySettings before = settings.of(shopId);
        @SuppressWarnings("unchecked")
        NotifySettingsStore.Update update = settings.update(shopId, (Map<String, Object>) raw);
        if (!update.userErrors().isEmpty()) {
            return errors(payload, update.userErrors().toArray(UserError[]::new));
        }
        releaseHeldBack(shopId, before, update.settings());
        payload.put("settings", queries.view(shopId, update.settings()));
        payload.put("webhookSecret", update.newWebhookSecret());
        return payload;
    }

    /** Messages held back by quiet hours or the cap are decided again when the shop changes that rule. */
    private void releaseHeldBack(String shopId, NotifySettings before, NotifySettings after) {
        int released = 0;
        if (!before.quietHours().equals(after.quietHours())) {
            released += outbox.release(shopId, Delivery.QUIET_HOURS, "quiet hours");
        }
        if (before.capMax() != after.capMax() || before.capDays() != after.capDays()
                || before.capAction() != after.capAction()) {
            released += outbox.release(shopId, Delivery.CAPPED, "frequency cap");
        }
        if (released > 0) {
            worker.wakeUp();
        }
    }

    private Map<String, Object> rotate(DataFetchingEnvironment env) {
        String shopId = (String) env.<Map<String, Object>>getArgument("input").get("shopId");
        Map<String, Object> payload = payload("secret");
        if (!manages(env, shopId)) {
            return notFound(payload);
        }
        payload.put("secret", settings.rotateWebhookSecret(shopId));
        return payload;
    }

    private Map<String, Object> replay(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        String shopId = (String) input.get("shopId");
        long id;
        try {
            id = Long.parseLong((String) input.get("messageId"));
        } catch (NumberFormatException e) {
            id = -1;
        }
        boolean replayed = manages(env, shopId) && outbox.replay(shopId, id);
        if (replayed) {
            worker.wakeUp();
        }
        return Map.of("replayed", replayed, "userErrors", replayed ? List.of() : List.of(UserError.of("NOT_FOUND",
                "The shop has no dead letter with this id", "input", "messageId")));
    }

    private Map<String, Object> templateSave(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        String shopId = (String) input.get("shopId");
        Map<String, Object> payload = payload("template");
        if (!manages(env, shopId)) {
            return notFound(payload);
        }
        String feature = (String) input.get("feature");
        String template = (String) input.get("template");
        List<UserError> problems = overrides.save(shopId, feature, template, (String) input.get("locale"),
                (String) input.get("subject"), (String) input.get("html"), (String) input.get("text"));
        if (!problems.isEmpty()) {
            return errors(payload, problems.toArray(UserError[]::new));
        }
        payload.put("template", overrides.view(shopId, feature, template));
        return payload;
    }

    private Map<String, Object> templateReset(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        String shopId = (String) input.get("shopId");
        Map<String, Object> payload = payload("template");
        String feature = (String) input.get("feature");
        String template = (String) input.get("template");
        if (!manages(env, shopId) || !overrides.reset(shopId, feature, template, (String) input.get("locale"))) {
            return errors(payload, UserError.of("NOT_FOUND", "The shop has no own version of this template in this "
                    + "locale", "input"));
        }
        payload.put("template", overrides.view(shopId, feature, template));
        return payload;
    }

    private Map<String, Object> erase(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        String shopId = (String) input.get("shopId");
        String customerId = (String) input.get("customerId");
        String email = (String) input.get("email");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("erased", false);
        if (!manages(env, shopId)) {
            return notFound(payload);
        }
        if ((customerId == null) == (email == null) || email != null && !Recipient.isValidEmail(email)) {
            return errors(payload, UserError.of("INVALID", "Name either a customerId or a valid email", "input"));
        }
        if (customerId != null) {
            erasure.eraseCustomer(shopId, customerId);
        } else {
            erasure.eraseGuest(shopId, email);
        }
        payload.put("erased", true);
        payload.put("userErrors", List.of());
        return payload;
    }

    private boolean manages(DataFetchingEnvironment env, String shopId) {
        return Operator.of(env).mayManage(shopId) && shops.find(shopId).isPresent();
    }

    private static Map<String, Object> payload(String... fields) {
        Map<String, Object> payload = new LinkedHashMap<>();
        for (String field : fields) {
            payload.put(field, null);
        }
        payload.put("userErrors", List.of());
        return payload;
    }

    private static Map<String, Object> notFound(Map<String, Object> payload) {
        return errors(payload, UserError.of("NOT_FOUND", "There is no such shop", "input", "shopId"));
    }

    private static Map<String, Object> errors(Map<String, Object> payload, UserError... errors) {
        payload.put("userErrors", List.of(errors));
        return payload;
    }
}
