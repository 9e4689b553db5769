package dev.aftersales.host.notify.templates;

import dev.aftersales.host.notify.settings.NotifySettingsStore;
import static dev.aftersales.host.jooq.Tables.NOTIFY_TEMPLATES;

import dev.aftersales.api.graphql.UserError;
import dev.aftersales.api.notify.Category;
import dev.aftersales.host.notify.outbox.Outbox;
import dev.aftersales.host.notify.tracking.LinkTracking;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.UnaryOperator;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * An operator's own versions of templates per shop. A version is saved only if every part renders with the
 * template's sample data plus the host's variables: a syntax error or a variable the feature does not provide is
 * refused with a message naming part and line.
 */
@Component
public class TemplateOverrides {

    private static final int MAX_PART = 200_000;
    /** Checks need a zone for times of day; which one does not matter for whether a template renders. */
    private static final ZoneId SAMPLE_ZONE = ZoneId.of("UTC");

    private final TemplateSources sources;
    /** The link rule of sending, applied when saving: a template with a non-http(s) link is refused at once. */
    private static final LinkTracking LINKS_ONLY_HTTP = new LinkTracking(UnaryOperator.identity());
    private final TemplateRenderer renderer;
    private final NotifySettingsStore settings;
    private final DSLContext db;
    private final Clock clock;

    TemplateOverrides(TemplateSources sources, TemplateRenderer renderer, NotifySettingsStore settings, DSLContext db,
                      Clock clock) {
        this.sources = sources;
        this.renderer = renderer;
        this.settings = settings;
        this.db = db;
        this.clock = clock;
    }

    /** The problems of a version, or none; nothing is stored. */
    List<UserError> check(String featureId, String template, String locale, String subject, String html, String text) {
        List<UserError> errors = new ArrayList<>();
        if (!sources.shippedTemplates(featureId).containsKey(template)) {
            errors.add(UserError.of("NOT_FOUND", "Feature '" + featureId + "' has no template '" + template + "'",
                    "input", "template"));
            return errors;
        }
        if (locale == null || locale.length() > 20 || Locale.forLanguageTag(locale).getLanguage().isEmpty()) {
            errors.add(UserError.of("INVALID", "locale must be a language tag such as de or en", "input", "locale"));
            return errors;
        }
        if (subject.length() > 1000 || html.length() > MAX_PART || text.length() > MAX_PART) {
            errors.add(UserError.of("INVALID", "subject (1000) or html/text (" + MAX_PART + " characters) too long",
                    "input"));
            return errors;
        }
        Map<String, Object> model = sampleModel(featureId, template, locale);
        check(errors, "subject", new TemplateSource(featureId, template, locale, subject, "", "", "override"), model);
        check(errors, "html", new TemplateSource(featureId, template, locale, "", html, "", "override"), model);
        check(errors, "text", new TemplateSource(featureId, template, locale, "", "", text, "override"), model);
        return errors;
    }

    private void check(List<UserError> errors, String field, TemplateSource source, Map<String, Object> model) {
        try {
            LINKS_ONLY_HTTP.apply(renderer.render(source, model, Locale.forLanguageTag(source.locale()), SAMPLE_ZONE));
        } catch (TemplateProblem e) {
            errors.add(UserError.of("TEMPLATE_INVALID", e.getMessage() + ". Known variables: "
                    + model.keySet(), "input", field));
        }
    }

    public List<UserError> save(String shopId, String featureId, String template, String locale, String subject, String html,
                         String text) {
        List<UserError> errors = check(featureId, template, locale, subject, html, text);
        if (!errors.isEmpty()) {
            return errors;
        }
        var now = Outbox.utc(clock.instant());
        // delete and insert in one transaction: MySQL's and MariaDB's upserts differ
        db.transaction(tx -> {
            tx.dsl().deleteFrom(NOTIFY_TEMPLATES).where(key(shopId, featureId, template, locale)).execute();
            tx.dsl().insertInto(NOTIFY_TEMPLATES)
                    .set(NOTIFY_TEMPLATES.SHOP_ID, shopId)
                    .set(NOTIFY_TEMPLATES.FEATURE_ID, featureId)
                    .set(NOTIFY_TEMPLATES.TEMPLATE, template)
                    .set(NOTIFY_TEMPLATES.LOCALE, locale)
                    .set(NOTIFY_TEMPLATES.SUBJECT, subject)
                    .set(NOTIFY_TEMPLATES.HTML, html)
                    .set(NOTIFY_TEMPLATES.TEXT_BODY, text)
                    .set(NOTIFY_TEMPLATES.UPDATED_AT, now)
                    .execute();
        });
        return List.of();
    }

    public boolean reset(String shopId, String featureId, String template, String locale) {
        return db.deleteFrom(NOTIFY_TEMPLATES).where(key(shopId, featureId, template, locale)).execute() == 1;
    }

    /** A template rendered with its sample data as the shop would send it. */
    public Optional<Map<String, Object>> preview(String shopId, String featureId, String template, String locale)
            throws TemplateProblem {
        Optional<TemplateSource> source = sources.find(shopId, featureId, template,
                TemplateSources.candidates(locale, "en"));
        if (source.isEmpty()) {
            return Optional.empty();
        }
        RenderedMessage rendered = renderer.render(source.get(), sampleModel(featureId, template,
                source.get().locale()), Locale.forLanguageTag(source.get().locale()), settings.of(shopId).timeZone());
        Map<String, Object> preview = new LinkedHashMap<>();
        preview.put("subject", rendered.subject());
        preview.put("html", rendered.html());
        preview.put("text", rendered.text());
        preview.put("origin", source.get().origin());
        preview.put("locale", source.get().locale());
        return Optional.of(preview);
    }

    /** An unsaved version rendered with the template's sample data, for an editor's live preview. */
    public RenderedMessage previewDraft(String shopId, TemplateSource draft) throws TemplateProblem {
        return renderer.render(draft, sampleModel(draft.featureId(), draft.template(), draft.locale()),
                Locale.forLanguageTag(draft.locale()), settings.of(shopId).timeZone());
    }

    /** The templates of a feature as operators see them. */
    public List<Map<String, Object>> views(String shopId, String featureId) {
        List<Map<String, Object>> views = new ArrayList<>();
        var overrides = sources.overrides(shopId);
        for (Map.Entry<String, SortedSet<String>> template : sources.shippedTemplates(featureId).entrySet()) {
            views.add(view(featureId, template.getKey(), template.getValue(), overrides.stream()
                    .filter(o -> o.getFeatureId().equals(featureId) && o.getTemplate().equals(template.getKey()))
                    .map(o -> o.getLocale()).toList()));
        }
        return views;
    }

    public Map<String, Object> view(String shopId, String featureId, String template) {
        return views(shopId, featureId).stream().filter(v -> template.equals(v.get("template"))).findFirst()
                .orElse(null);
    }

    private Map<String, Object> view(String featureId, String template, SortedSet<String> locales,
                                     List<String> overridden) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("feature", featureId);
        view.put("template", template);
        view.put("description", sources.manifest(featureId, template).get("description"));
        view.put("locales", List.copyOf(locales));
        view.put("overriddenLocales", overridden);
        view.put("sample", sources.sample(featureId, template));
        return view;
    }

    /** The sample data plus what the host adds to every message. */
    private Map<String, Object> sampleModel(String featureId, String template, String locale) {
        Map<String, Object> model = new LinkedHashMap<>(sources.sample(featureId, template));
        model.put("shop", Map.of("id", "sample-shop", "name", "Sample Shop"));
        Map<String, Object> recipient = new LinkedHashMap<>();
        recipient.put("customerId", "customer-1");
        recipient.put("email", "anna@example.com");
        model.put("recipient", recipient);
        model.put("locale", locale);
        model.put("category", Category.ALERT.name());
        model.put("marketingAllowed", false);
        model.put("unsubscribeUrl", "https://aftersales.example/notify/sample-shop/unsubscribe/sample");
        return model;
    }

    private static org.jooq.Condition key(String shopId, String featureId, String template, String locale) {
        return NOTIFY_TEMPLATES.SHOP_ID.eq(shopId).and(NOTIFY_TEMPLATES.FEATURE_ID.eq(featureId))
                .and(NOTIFY_TEMPLATES.TEMPLATE.eq(template)).and(NOTIFY_TEMPLATES.LOCALE.eq(locale));
    }
}
