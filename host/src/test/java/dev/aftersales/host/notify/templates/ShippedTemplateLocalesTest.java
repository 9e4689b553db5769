package dev.aftersales.host.notify.templates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.notify.Category;
import dev.aftersales.host.notify.RecipientLocales;
import dev.aftersales.host.notify.web.NotifyPages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every template the host and the bundled plugins ship, and every page a recipient sees, in German and in English:
 * money and dates in the language's format, and no English in German text. Reads the templates from the source tree
 * (host and {@code plugins/*}), so a new plugin's templates are checked without changing this test.
 */
class ShippedTemplateLocalesTest {

    private static final Path HOST_TEMPLATES = Path.of("src/main/resources/aftersales/notify/templates");
    private static final Path PLUGINS = Path.of("..", "plugins");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Words of the English texts that German never uses; a German text containing one is (partly) English. */
    private static final Pattern ENGLISH = Pattern.compile("\\b(the|you|your|please|price|confirm|confirmed|"
            + "unsubscribe|unsubscribed|subscription|receive|news|now|instead|item|available|again|look|"
            + "thank|expired|valid|hello|if|from)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENGLISH_MONEY = Pattern.compile("€\\s?\\d|\\d\\.\\d\\d\\b|\\bEUR\\b");
    private static final Pattern FORMATTED_MONEY = Pattern.compile("\\d[.,]\\d\\d\\s*(€|EUR)|€\\s*\\d");
    private static final Pattern GERMAN_MONEY = Pattern.compile("\\d,\\d\\d\\s?€|\\bEUR\\b");

    private final TemplateRenderer renderer = new TemplateRenderer();
    private final NotifyTexts texts = new NotifyTexts();
    private final NotifyPages pages = new NotifyPages(texts);
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyShippedTemplateExistsInGermanAndEnglishAndWritesMoneyInTheRecipientsFormat() throws Exception {
        List<Path> folders = templateFolders();
        assertThat(folders).extracting(Path::toString)
                .anyMatch(folder -> folder.contains("stock-alert")).anyMatch(folder -> folder.contains("price-alert"))
                .anyMatch(folder -> folder.endsWith("notify/templates"));
        int checked = 0;
        for (Path folder : folders) {
            for (Path manifest : manifests(folder)) {
                String template = manifest.getFileName().toString().replace(".json", "");
                Map<String, Object> sample = sample(manifest);
                assertThat(sample.values()).as(manifest + ": money goes in as money, the host formats it")
                        .noneMatch(value -> value instanceof String text && FORMATTED_MONEY.matcher(text).find());
                for (String language : List.of("de", "en")) {
                    RenderedMessage message = render(folder, template, language, sample);
                    String all = message.subject() + "\n" + message.html() + "\n" + message.text();
                    String where = folder + "/" + template + "_" + language;
                    for (BigDecimal amount : amounts(sample)) {
                        String expected = "de".equals(language) ? german(amount) + " €" : "€" + amount.setScale(2);
                        assertThat(all).as(where).contains(expected);
                    }
                    String prose = withoutSampleValues(all, sample);
                    if ("de".equals(language)) {
                        assertThat(ENGLISH_MONEY.matcher(prose).find()).as(where + ": money in English format").isFalse();
                        assertNoEnglish(where, stripTags(prose));
                    } else {
                        assertThat(GERMAN_MONEY.matcher(prose).find()).as(where + ": money in German format").isFalse();
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(6);
    }

    @Test
    void templatesWriteDatesTimesAndNumbersInTheRecipientsLanguageAndTheShopsTimeZone() throws Exception {
        TemplateSource source = new TemplateSource("test", "formats", "de",
                "${money(price)} ${date(day)}", "<p>${dateTime(at)} ${count} ${money(amount, \"EUR\")}</p>",
                "${date(at)}", "test");
        Map<String, Object> model = Map.of("price", Map.of("amount", 89.0, "currency", "EUR"), "day", "2026-12-05",
                "at", "2026-12-05T22:30:00Z", "count", 12345, "amount", new BigDecimal("1289.5"));

        RenderedMessage german = renderer.render(source, model, Locale.GERMAN, BERLIN);
        assertThat(german.subject()).isEqualTo("89,00 € 5. Dezember 2026");
        assertThat(german.html()).isEqualTo("<p>5. Dezember 2026, 23:30 12.345 1.289,50 €</p>");
        assertThat(german.text()).isEqualTo("5. Dezember 2026");

        RenderedMessage english = renderer.render(source, model, Locale.ENGLISH, BERLIN);
        assertThat(english.subject()).isEqualTo("€89.00 December 5, 2026");
        assertThat(english.html()).isEqualTo("<p>December 5, 2026, 11:30 PM 12,345 €1,289.50</p>");
        // the instant is already the next day in Tokyo
        assertThat(renderer.render(source, model, Locale.ENGLISH, ZoneId.of("Asia/Tokyo")).text())
                .isEqualTo("December 6, 2026");
        assertThat(renderer.render(source, model, Locale.forLanguageTag("de-CH"), BERLIN).subject())
                .isEqualTo("EUR 89.00 5. Dezember 2026");
    }

    @Test
    void formattingFollowsTheRecipientWithinTheTemplatesLanguage() {
        assertThat(RecipientLocales.formatting("de-CH", "de")).isEqualTo(Locale.forLanguageTag("de-CH"));
        assertThat(RecipientLocales.formatting("fr", "en")).isEqualTo(Locale.ENGLISH);
        assertThat(RecipientLocales.formatting(null, "de")).isEqualTo(Locale.GERMAN);
        assertThat(RecipientLocales.resolve(null, "en", "de")).isEqualTo("en");
        assertThat(RecipientLocales.resolve("de", "en", "en")).isEqualTo("de");
        assertThat(RecipientLocales.resolve(null, null, "de")).isEqualTo("de");
    }

    @Test
    void everyPageARecipientSeesExistsInGermanAndEnglish() throws IOException {
        Properties german = bundle("de");
        Properties english = bundle("en");
        assertThat(german.keySet()).isEqualTo(english.keySet());

        for (String language : List.of("de", "en")) {
            List<String> shown = List.of(
                    pages.form(language, texts.text(language, "page.confirm.title"), "page.confirm.button"),
                    pages.message(language, texts.text(language, "page.confirmed.title")),
                    pages.message(language, texts.text(language, "page.expired.title")),
                    pages.form(language, texts.text(language, "page.unsubscribe.title",
                            texts.category(language, Category.ALERT), "Shop"), "page.unsubscribe.button"),
                    pages.message(language, texts.text(language, "page.unsubscribed.title",
                            texts.category(language, Category.MARKETING), "Shop")),
                    pages.message(language, texts.text(language, "page.invalid.title")));
            for (String page : shown) {
                assertThat(page).contains("<html lang=\"" + language + "\">");
                if ("de".equals(language)) {
                    assertNoEnglish(page, stripTags(HtmlUtils.htmlUnescape(page)));
                }
            }
        }
        for (String key : german.stringPropertyNames()) {
            if (!key.startsWith("category.")) {
                assertNoEnglish(key, texts.text("de", key, "Benachrichtigungs", "Shop", "Zweck"));
            }
        }
    }

    private RenderedMessage render(Path folder, String template, String language, Map<String, Object> sample)
            throws Exception {
        Path base = folder.resolve(template + "_" + language);
        TemplateSource source = new TemplateSource(folder.getParent().getFileName().toString(), template, language,
                read(base + ".subject"), read(base + ".html"), read(base + ".txt"), "shipped");
        Map<String, Object> model = new LinkedHashMap<>(sample);
        model.put("shop", Map.of("id", "shop", "name", "Shop"));
        Map<String, Object> recipient = new LinkedHashMap<>();
        recipient.put("customerId", "anna");
        recipient.put("email", "anna@example.com");
        model.put("recipient", recipient);
        model.put("locale", language);
        model.put("category", Category.ALERT.name());
        model.put("marketingAllowed", false);
        model.put("unsubscribeUrl", "https://aftersales.example/notify/shop/unsubscribe/token");
        return renderer.render(source, model, Locale.forLanguageTag(language), BERLIN);
    }

    private static void assertNoEnglish(String where, String text) {
        var english = ENGLISH.matcher(text);
        if (english.find()) {
            throw new AssertionError(where + " contains English: '" + english.group() + "' in " + text);
        }
    }

    private static String german(BigDecimal amount) {
        assertThat(amount).isLessThan(new BigDecimal("1000")); // no thousands separator to expect
        return amount.setScale(2).toPlainString().replace('.', ',');
    }

    /** The sample's own values (product names, an English purpose) are data, not the template's words. */
    private static String withoutSampleValues(String text, Map<String, Object> sample) {
        String result = text;
        List<String> values = sample.values().stream().filter(value -> value instanceof String s && !s.isBlank())
                .map(String.class::cast).sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        for (String value : values) { // longest first: a statement quotes the purpose
            result = result.replace(value, " ").replace(HtmlUtils.htmlEscape(value), " ");
        }
        return result;
    }

    private static String stripTags(String html) {
        return html.replaceAll("(?s)<style.*?</style>|<[^>]+>", " ");
    }

    private static List<BigDecimal> amounts(Map<String, Object> sample) {
        List<BigDecimal> amounts = new ArrayList<>();
        for (Object value : sample.values()) {
            if (value instanceof Map<?, ?> money && money.containsKey("amount") && money.containsKey("currency")) {
                assertThat(money.get("currency")).isEqualTo("EUR");
                amounts.add(new BigDecimal(money.get("amount").toString()));
            }
        }
        return amounts;
    }

    private static List<Path> templateFolders() throws IOException {
        List<Path> folders = new ArrayList<>(List.of(HOST_TEMPLATES));
        try (Stream<Path> plugins = Files.list(PLUGINS)) {
            for (Path plugin : plugins.sorted().toList()) {
                Path features = plugin.resolve("src/main/resources/aftersales");
                if (Files.isDirectory(features)) {
                    try (Stream<Path> feature = Files.list(features)) {
                        feature.map(f -> f.resolve("templates")).filter(Files::isDirectory).forEach(folders::add);
                    }
                }
            }
        }
        return folders;
    }

    private static List<Path> manifests(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> manifests = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertThat(manifests).as(folder + " ships templates").isNotEmpty();
            return manifests;
        }
    }

    private Map<String, Object> sample(Path manifest) throws IOException {
        Map<String, Object> described = json.readValue(Files.readString(manifest), new TypeReference<>() {
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> sample = (Map<String, Object>) described.get("sample");
        return sample;
    }

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src/main/resources/aftersales/notify/messages_" + language
                + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
