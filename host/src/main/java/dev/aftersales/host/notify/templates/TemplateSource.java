package dev.aftersales.host.notify.templates;

/**
 * The three parts of a message template in one locale, as FreeMarker source.
 *
 * @param origin {@code shipped} (from the feature's jar) or {@code override} (an operator's version for the shop)
 */
public record TemplateSource(String featureId, String template, String locale, String subject, String html, String text,
                      String origin) {
}
