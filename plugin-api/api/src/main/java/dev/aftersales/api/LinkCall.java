package dev.aftersales.api;

import java.util.Locale;

/**
 * One opening of a feature's signed link (see {@link LinkHandler}). Since plugin API 1.1.
 *
 * <pre>{@code
 * String reminderId = call.subject();
 * Locale locale = call.locale(); // the customer's language, else the shop's default
 * }</pre>
 *
 * @param shop       the feature's services for the link's shop
 * @param customerId the customer the link was made for ({@link Links#url}); null when made for nobody in particular
 * @param subject    what the link names, as signed (e.g. a reminder id)
 * @param confirmed  true when the person pressed the page's confirm button ({@code POST}), false for a plain open
 * @param locale     the language to answer in: the customer's, else the shop's default
 */
public record LinkCall(FeatureContext shop, String customerId, String subject, boolean confirmed, Locale locale) {
}
