package dev.aftersales.host.notify.consent;

import dev.aftersales.host.notify.RecipientLocales;
import static dev.aftersales.host.jooq.Tables.CUSTOMERS;

import dev.aftersales.api.notify.Category;
import dev.aftersales.api.notify.ConsentState;
import dev.aftersales.api.notify.Notification;
import dev.aftersales.api.notify.Recipient;
import dev.aftersales.host.jooq.tables.records.CustomersRecord;
import dev.aftersales.host.jooq.tables.records.NotifyConsentsRecord;
import dev.aftersales.host.notify.RecipientKey;
import dev.aftersales.host.notify.outbox.Outbox;
import dev.aftersales.host.notify.outbox.OutboxWriter;
import dev.aftersales.host.notify.settings.NotifyProperties;
import dev.aftersales.host.notify.settings.NotifySettingsStore;
import dev.aftersales.host.notify.templates.NotifyTexts;
import dev.aftersales.host.notify.templates.TemplateSources;
import dev.aftersales.host.notify.tracking.NotifyLinks;
import dev.aftersales.host.tenancy.Shop;
import dev.aftersales.host.tenancy.ShopDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Asks for consent where the law wants it: a customer's own action grants the non-marketing categories at once; a
 * guest (and marketing) gets a confirmation mail with a signed link — transactional, no advertising, at most one
 * every {@value #RESEND_AFTER_MINUTES} minutes per address and category.
 */
@Component
public class DoubleOptIn {

    static final String TEMPLATE = "consent-confirm";
    private static final int RESEND_AFTER_MINUTES = 10;

    private final Consents consents;
    private final Suppressions suppressions;
    private final OutboxWriter writer;
    private final NotifyLinks links;
    private final NotifyTexts texts;
    private final ShopDirectory shops;
    private final NotifySettingsStore settings;
    private final DSLContext db;
    private final Clock clock;
    private final NotifyProperties properties;

    DoubleOptIn(Consents consents, Suppressions suppressions, OutboxWriter writer, NotifyLinks links,
                NotifyTexts texts, ShopDirectory shops, NotifySettingsStore settings, DSLContext db, Clock clock,
                NotifyProperties properties) {
        this.consents = consents;
        this.suppressions = suppressions;
        this.writer = writer;
        this.links = links;
        this.texts = texts;
        this.shops = shops;
        this.settings = settings;
        this.db = db;
        this.clock = clock;
        this.properties = properties;
    }

    public ConsentState request(String shopId, String featureId, Recipient recipient, Category category, String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("Say what the recipient subscribes to (purpose)");
        }
        RecipientKey key = RecipientKey.of(recipient);
        Optional<CustomersRecord> customer = recipient.isGuest() ? Optional.empty() : customer(shopId, recipient);
        String emailHash = recipient.isGuest() ? key.guestEmailHash()
                : customer.map(CustomersRecord::getEmail).map(RecipientKey::emailHash).orElse(null);
        boolean needsOptIn = recipient.isGuest() ? category.needsDoubleOptInForGuests()
                : category.needsDoubleOptInForCustomers();
        if (!needsOptIn) {
            consents.grant(shopId, key, category, featureId, "customer-action", purpose);
            suppressions.lift(shopId, emailHash, category.name());
            return ConsentState.GRANTED;
        }
        Optional<NotifyConsentsRecord> row = consents.find(shopId, key, category);
        Instant now = clock.instant();
        if (row.isPresent() && Consents.GRANTED.equals(row.get().getState())) {
            return ConsentState.GRANTED;
        }
        if (suppressions.suppressed(shopId, emailHash, Category.TRANSACTIONAL.name())) {
            return ConsentState.REVOKED; // the address asked for no more confirmation mails
        }
        if (row.isPresent() && Consents.PENDING.equals(row.get().getState()) && row.get().getRequestedAt() != null
                && Outbox.instant(row.get().getRequestedAt()).isAfter(now.minus(Duration.ofMinutes(RESEND_AFTER_MINUTES)))
                && Outbox.instant(row.get().getExpiresAt()).isAfter(now)) {
            return ConsentState.PENDING;
        }
        Shop shop = shops.find(shopId).orElseThrow(() -> new IllegalStateException("Unknown shop " + shopId));
        String locale = RecipientLocales.resolve(customer.map(CustomersRecord::getLocale).orElse(null),
                recipient.locale(), settings.of(shopId).defaultLocale());
        String statement = texts.consentStatement(locale, category, shop.name(), purpose);
        Instant expiresAt = now.plus(properties.consentExpiry());
        consents.request(shopId, key, category, featureId, recipient.email(), locale, purpose, statement, now,
                expiresAt);
        writer.enqueue(shopId, TemplateSources.HOST_FEATURE, Notification.to(recipient)
                .template(TEMPLATE)
                .category(Category.TRANSACTIONAL)
                .data(Map.of("purpose", purpose, "categoryName", texts.category(locale, category),
                        "statement", statement, "confirmUrl", links.confirm(shopId, key, category, expiresAt)))
                .dedupeKey("consent:" + key.value() + ":" + category + ":" + now.toEpochMilli())
                .expiresAt(expiresAt)
                .build());
        return ConsentState.PENDING;
    }

    private Optional<CustomersRecord> customer(String shopId, Recipient recipient) {
        return db.selectFrom(CUSTOMERS)
                .where(CUSTOMERS.SHOP_ID.eq(shopId).and(CUSTOMERS.CUSTOMER_ID.eq(recipient.customerId())))
                .fetchOptional();
    }
}
