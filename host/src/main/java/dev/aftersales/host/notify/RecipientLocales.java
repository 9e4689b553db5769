package dev.aftersales.host.notify;

import dev.aftersales.host.notify.settings.NotifySettingsStore;
import static dev.aftersales.host.jooq.Tables.CUSTOMERS;
import static dev.aftersales.host.jooq.Tables.NOTIFY_CONSENTS;

import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The one place that decides which language a recipient reads, for mails and for the pages their links open: a
 * customer's locale from the shop platform (the mirror, kept by {@code CustomerChanged}), else the locale given with
 * the message or consent request (guests), else the shop's {@code defaultLocale}. Templates fall back further by
 * language ({@link TemplateSources#candidates}); {@link #formatting} says how money and dates are written.
 */
@Component
public class RecipientLocales {

    private final DSLContext db;
    private final NotifySettingsStore settings;

    RecipientLocales(DSLContext db, NotifySettingsStore settings) {
        this.db = db;
        this.settings = settings;
    }

    /** The recipient's locale from what is known of them: the customer's, the given one, the shop's default. */
    public static String resolve(String customerLocale, String givenLocale, String shopDefault) {
        if (hasText(customerLocale)) {
            return customerLocale;
        }
        return hasText(givenLocale) ? givenLocale : shopDefault;
    }

    /** The locale of the person behind a confirmation or unsubscribe link. */
    public String of(String shopId, RecipientKey recipient) {
        if (!recipient.isGuest()) {
            String customerLocale = db.select(CUSTOMERS.LOCALE).from(CUSTOMERS)
                    .where(CUSTOMERS.SHOP_ID.eq(shopId).and(CUSTOMERS.CUSTOMER_ID.eq(recipient.customerId())))
                    .fetchOne(CUSTOMERS.LOCALE);
            if (hasText(customerLocale)) {
                return customerLocale;
            }
        }
        // a guest's locale came with their consent request (any category: the unsubscribe link of the
        // confirmation mail itself is for TRANSACTIONAL, which has no consent row)
        Optional<String> requested = db.select(NOTIFY_CONSENTS.LOCALE).from(NOTIFY_CONSENTS)
                .where(NOTIFY_CONSENTS.SHOP_ID.eq(shopId).and(NOTIFY_CONSENTS.RECIPIENT_KEY.eq(recipient.value()))
                        .and(NOTIFY_CONSENTS.LOCALE.isNotNull()))
                .orderBy(NOTIFY_CONSENTS.UPDATED_AT.desc())
                .limit(1)
                .fetchOptional(NOTIFY_CONSENTS.LOCALE);
        return resolve(null, requested.orElse(null), ofShop(shopId));
    }

    /** The shop's default, for a page whose link names no valid recipient. */
    public String ofShop(String shopId) {
        return settings.of(shopId).defaultLocale();
    }

    /**
     * How money and dates are written in a message: as the recipient writes them ({@code de-CH}: {@code CHF 89.00})
     * when the template is in their language, else as the template's language does (a French recipient reading the
     * English fallback sees English formats, not a mix).
     */
    public static Locale formatting(String recipientLocale, String templateLocale) {
        Locale template = Locale.forLanguageTag(templateLocale);
        if (hasText(recipientLocale)) {
            Locale recipient = Locale.forLanguageTag(recipientLocale);
            if (recipient.getLanguage().equals(template.getLanguage())) {
                return recipient;
            }
        }
        return template;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
