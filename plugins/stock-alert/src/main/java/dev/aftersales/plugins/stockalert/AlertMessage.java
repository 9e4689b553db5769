package dev.aftersales.plugins.stockalert;

import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.notify.Category;
import dev.aftersales.api.notify.Notification;
import dev.aftersales.api.notify.Recipient;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code back-in-stock} alert for one subscription and restock: template data (money formatted here, as the
 * templates expect), recipient, and a dedupe key per subscription and restock so a retried batch queues nothing twice.
 */
final class AlertMessage {

    static final String TEMPLATE = "back-in-stock";
    /** An alert that arrives days late (caps, quiet hours) is worse than none: the stock is gone by then. */
    static final Duration VALIDITY = Duration.ofDays(2);

    private AlertMessage() {
    }

    static Notification of(StockAlert alert, long restockId, Variant variant, Instant now) {
        Recipient recipient = alert.isGuest()
                ? Recipient.guest(alert.email(), alert.locale())
                : Recipient.customer(alert.customerId());
        return Notification.to(recipient)
                .template(TEMPLATE)
                .category(Category.ALERT)
                .data(data(variant, alert.locale()))
                .dedupeKey(dedupeKey(alert.id(), restockId))
                .expiresAt(now.plus(VALIDITY))
                .build();
    }

    static String dedupeKey(long subscriptionId, long restockId) {
        return "restock:" + subscriptionId + ":" + restockId;
    }

    static Map<String, Object> data(Variant variant, String locale) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("productName", variant.productName());
        data.put("variantName", variant.name());
        data.put("price", price(variant.price(), locale));
        data.put("url", variant.url());
        if (variant.imageUrl() != null) {
            data.put("imageUrl", variant.imageUrl());
        }
        return data;
    }

    /** {@code 189,00 €} for German, {@code €189.00} for English; the subscriber's locale, else English. */
    static String price(Money price, String locale) {
        Locale language = locale == null ? Locale.ENGLISH : Locale.forLanguageTag(locale);
        NumberFormat format = NumberFormat.getCurrencyInstance(language.getCountry().isEmpty()
                ? defaultRegion(language) : language);
        try {
            format.setCurrency(Currency.getInstance(price.currency()));
        } catch (IllegalArgumentException e) {
            return price.amount().toPlainString() + " " + price.currency();
        }
        // CLDR puts a no-break space before the symbol; plain spaces survive every mail client and text part
        return format.format(price.amount()).replace('\u00A0', ' ').replace('\u202F', ' ');
    }

    private static Locale defaultRegion(Locale language) {
        return switch (language.getLanguage()) {
            case "de" -> Locale.GERMANY;
            case "fr" -> Locale.FRANCE;
            default -> Locale.US;
        };
    }
}
