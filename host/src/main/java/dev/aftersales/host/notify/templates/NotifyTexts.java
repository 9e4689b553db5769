package dev.aftersales.host.notify.templates;

import dev.aftersales.api.notify.Category;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * The host's own words around messages (footer, consent statement, confirmation and unsubscribe pages), in German
 * and English; other languages fall back to English.
 */
@Component
public class NotifyTexts {

    private static final String BUNDLE = "aftersales.notify.messages";

    public String text(String locale, String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language(locale),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), language(locale)).format(arguments);
    }

    public String category(String locale, Category category) {
        return text(locale, "category." + category.name());
    }

    /** The statement a recipient confirms with a double opt-in; kept with the consent record. */
    public String consentStatement(String locale, Category category, String shopName, String purpose) {
        return text(locale, "consent.statement", category(locale, category), shopName, purpose);
    }

    private static Locale language(String locale) {
        String language = locale == null ? "en" : Locale.forLanguageTag(locale).getLanguage();
        return "de".equals(language) ? Locale.GERMAN : Locale.ENGLISH;
    }
}
