package dev.aftersales.host.notify.templates;

import static dev.aftersales.host.jooq.Tables.NOTIFY_TEMPLATES;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aftersales.host.jooq.tables.records.NotifyTemplatesRecord;
import dev.aftersales.host.plugins.LoadedPlugin;
import dev.aftersales.host.plugins.PluginRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where templates come from: an operator's override for the shop, else the feature's jar
 * ({@code aftersales/<feature>/templates/<name>_<locale>.subject|.html|.txt}, read through the plugin's class
 * loader; the host's own under feature id {@value #HOST_FEATURE}). Locales are tried in order: the recipient's
 * tag, its language, the shop's default, English.
 */
@Component
public class TemplateSources {

    /** Feature id of the host's own messages (double opt-in confirmation). */
    public static final String HOST_FEATURE = "notify";
    private static final Map<String, SortedSet<String>> HOST_TEMPLATES =
            Map.of("consent-confirm", new TreeSet<>(List.of("de", "en")));
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final PluginRuntime plugins;
    private final DSLContext db;
    private final JsonMapper json;
    private final Cache<String, SortedMap<String, SortedSet<String>>> listings =
            Caffeine.newBuilder().maximumSize(200).build();

    TemplateSources(PluginRuntime plugins, DSLContext db, JsonMapper json) {
        this.plugins = plugins;
        this.db = db;
        this.json = json;
    }

    /** Locales to try for a recipient, best first. */
    public static List<String> candidates(String preferred, String shopDefault) {
        LinkedHashSet<String> candidates = new LinkedHashSet<>();
        for (String tag : new String[] {preferred, shopDefault, "en"}) {
            if (tag == null || tag.isBlank()) {
                continue;
            }
            candidates.add(tag);
            candidates.add(Locale.forLanguageTag(tag).getLanguage());
        }
        candidates.remove("");
        return new ArrayList<>(candidates);
    }

    /** The template to use: for each candidate locale the shop's override first, then the shipped one. */
    public Optional<TemplateSource> find(String shopId, String featureId, String template, List<String> locales) {
        for (String locale : locales) {
            Optional<TemplateSource> found = override(shopId, featureId, template, locale)
                    .or(() -> shipped(featureId, template, locale));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    Optional<TemplateSource> override(String shopId, String featureId, String template, String locale) {
        return db.selectFrom(NOTIFY_TEMPLATES)
                .where(NOTIFY_TEMPLATES.SHOP_ID.eq(shopId).and(NOTIFY_TEMPLATES.FEATURE_ID.eq(featureId))
                        .and(NOTIFY_TEMPLATES.TEMPLATE.eq(template)).and(NOTIFY_TEMPLATES.LOCALE.eq(locale)))
                .fetchOptional()
                .map(row -> new TemplateSource(featureId, template, locale, row.getSubject(), row.getHtml(),
                        row.getTextBody(), "override"));
    }

    /** The shop's overrides, by feature, template and locale. */
    List<NotifyTemplatesRecord> overrides(String shopId) {
        return db.selectFrom(NOTIFY_TEMPLATES).where(NOTIFY_TEMPLATES.SHOP_ID.eq(shopId))
                .orderBy(NOTIFY_TEMPLATES.FEATURE_ID, NOTIFY_TEMPLATES.TEMPLATE, NOTIFY_TEMPLATES.LOCALE).fetch();
    }

    Optional<TemplateSource> shipped(String featureId, String template, String locale) {
        Optional<ClassLoader> loader = loader(featureId);
        if (loader.isEmpty()) {
            return Optional.empty();
        }
        String base = "aftersales/" + featureId + "/templates/" + template + "_" + locale;
        Optional<String> subject = read(loader.get(), base + ".subject");
        Optional<String> html = read(loader.get(), base + ".html");
        Optional<String> text = read(loader.get(), base + ".txt");
        if (subject.isEmpty() || html.isEmpty() || text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TemplateSource(featureId, template, locale, subject.get(), html.get(), text.get(),
                "shipped"));
    }

    /** The templates a feature ships, each with its locales. */
    public SortedMap<String, SortedSet<String>> shippedTemplates(String featureId) {
        if (HOST_FEATURE.equals(featureId)) {
            return new TreeMap<>(HOST_TEMPLATES);
        }
        return plugins.plugin(featureId)
                .map(plugin -> listings.get(plugin.cacheKey(), key -> list(plugin)))
                .orElse(new TreeMap<>());
    }

    /** Features that ship templates: the host and every loaded plugin with a templates folder. */
    public List<String> featuresWithTemplates() {
        List<String> features = new ArrayList<>(List.of(HOST_FEATURE));
        plugins.plugins().stream().map(LoadedPlugin::id).sorted()
                .filter(id -> !shippedTemplates(id).isEmpty()).forEach(features::add);
        return features;
    }

    /**
     * The template's sample data ({@code <name>.json}: {@code {"description": "...", "sample": {...}}}), which
     * operators' versions must render with.
     */
    Map<String, Object> manifest(String featureId, String template) {
        return loader(featureId)
                .flatMap(loader -> read(loader, "aftersales/" + featureId + "/templates/" + template + ".json"))
                .map(text -> json.readValue(text, MAP))
                .orElse(Map.of());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> sample(String featureId, String template) {
        return manifest(featureId, template).get("sample") instanceof Map<?, ?> sample
                ? (Map<String, Object>) sample : Map.of();
    }

    private Optional<ClassLoader> loader(String featureId) {
        if (HOST_FEATURE.equals(featureId)) {
            return Optional.of(TemplateSources.class.getClassLoader());
        }
        return plugins.plugin(featureId).map(LoadedPlugin::classLoader);
    }

    private static Optional<String> read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read template " + resource, e);
        }
    }

    /** Lists {@code <name>_<locale>.subject} entries of the plugin's jar (class loaders cannot list folders). */
    private static SortedMap<String, SortedSet<String>> list(LoadedPlugin plugin) {
        String prefix = "aftersales/" + plugin.id() + "/templates/";
        SortedMap<String, SortedSet<String>> templates = new TreeMap<>();
        try (JarFile jar = new JarFile(plugin.jar().toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (!name.startsWith(prefix) || !name.endsWith(".subject") || name.indexOf('/', prefix.length()) >= 0) {
                    continue;
                }
                String file = name.substring(prefix.length(), name.length() - ".subject".length());
                int underscore = file.lastIndexOf('_');
                if (underscore > 0) {
                    templates.computeIfAbsent(file.substring(0, underscore), k -> new TreeSet<>())
                            .add(file.substring(underscore + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the templates of plugin " + plugin.id(), e);
        }
        return templates;
    }
}
