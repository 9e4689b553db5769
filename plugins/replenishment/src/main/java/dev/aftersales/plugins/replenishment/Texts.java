package dev.aftersales.plugins.replenishment;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The texts of the pages the mail's links open, in German or English ({@code aftersales/replenishment/texts*}). */
final class Texts {

    private static final String BUNDLE = "aftersales.replenishment.texts";

    private Texts() {
    }

    static String get(Locale locale, String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, Texts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String text = bundle.getString(key);
        return arguments.length == 0 ? text : new MessageFormat(text, locale).format(arguments);
    }
}
