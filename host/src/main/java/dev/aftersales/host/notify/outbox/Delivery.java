package dev.aftersales.host.notify.outbox;

import dev.aftersales.host.notify.RecipientLocales;
import static dev.aftersales.host.jooq.Tables.CUSTOMERS;

import dev.aftersales.api.notify.Category;
import dev.aftersales.api.notify.ConsentState;
import dev.aftersales.api.notify.Recipient;
import dev.aftersales.host.jooq.tables.records.CustomersRecord;
import dev.aftersales.host.jooq.tables.records.NotifyMessagesRecord;
import dev.aftersales.host.notify.RecipientKey;
import dev.aftersales.host.notify.channels.DeliveryChannel;
import dev.aftersales.host.notify.channels.DeliveryFailure;
import dev.aftersales.host.notify.channels.EmailChannel;
import dev.aftersales.host.notify.channels.OutgoingMessage;
import dev.aftersales.host.notify.channels.WebhookChannel;
import dev.aftersales.host.notify.consent.Consents;
import dev.aftersales.host.notify.pressure.ContactPressure;
import dev.aftersales.host.notify.settings.NotifyProperties;
import dev.aftersales.host.notify.settings.NotifySettings;
import dev.aftersales.host.notify.settings.NotifySettingsStore;
import dev.aftersales.host.notify.templates.NotifyTexts;
import dev.aftersales.host.notify.templates.RenderedMessage;
import dev.aftersales.host.notify.templates.TemplateProblem;
import dev.aftersales.host.notify.templates.TemplateRenderer;
import dev.aftersales.host.notify.templates.TemplateSource;
import dev.aftersales.host.notify.templates.TemplateSources;
import dev.aftersales.host.notify.tracking.LinkTracking;
import dev.aftersales.host.notify.tracking.NotifyLinks;
import dev.aftersales.host.tenancy.Shop;
import dev.aftersales.host.tenancy.ShopDirectory;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers one claimed message: expiry, address, consent, quiet hours and frequency cap first (a message that may not
 * go out is delayed or dropped with the reason), then the template in the recipient's language with tracked links
 * and the unsubscribe footer, then the shop's channel. A failed delivery is retried with backoff and after
 * {@code max-attempts} parked as a dead letter.
 */
@Component
public class Delivery {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);
    private static final Pattern ADDRESS =
            Pattern.compile("[^\\s<>\"':;,]+@([A-Za-z0-9.-]+)");
    /** Reason prefixes of messages held back; {@link Outbox#release} lets them go when the shop's rule changes. */
    public static final String QUIET_HOURS = "QUIET_HOURS";
    public static final String CAPPED = "CAPPED";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Outbox outbox;
    private final ShopDirectory shops;
    private final NotifySettingsStore settingsStore;
    private final Consents consents;
    private final ContactPressure pressure;
    private final TemplateSources templates;
    private final TemplateRenderer renderer;
    private final NotifyLinks links;
    private final NotifyTexts texts;
    private final EmailChannel email;
    private final WebhookChannel webhook;
    private final DSLContext db;
    private final JsonMapper json;
    private final Clock clock;
    private final NotifyProperties properties;
    private final Backoff backoff;
    private final String instance;

    Delivery(Outbox outbox, ShopDirectory shops, NotifySettingsStore settingsStore, Consents consents,
             ContactPressure pressure, TemplateSources templates, TemplateRenderer renderer, NotifyLinks links,
             NotifyTexts texts, EmailChannel email, WebhookChannel webhook, DSLContext db, JsonMapper json,
             Clock clock, NotifyProperties properties) {
        this.outbox = outbox;
        this.shops = shops;
        this.settingsStore = settingsStore;
        this.consents = consents;
        this.pressure = pressure;
        this.templates = templates;
        this.renderer = renderer;
        this.links = links;
        this.texts = texts;
        this.email = email;
        this.webhook = webhook;
        this.db = db;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.backoff = new Backoff(properties.firstBackoff(), properties.maxBackoff());
        this.instance = properties.instanceId().isBlank() ? ManagementFactory.getRuntimeMXBean().getName()
                : properties.instanceId();
    }

    void process(NotifyMessagesRecord row) {
        Optional<Shop> shop = shops.find(row.getShopId());
        if (shop.isEmpty()) {
            outbox.dead(row, "The shop no longer exists");
            return;
        }
        NotifySettings settings = settingsStore.of(row.getShopId());
        Instant now = clock.instant();
        Instant expiresAt = Outbox.instant(row.getExpiresAt());
        if (expiresAt != null && now.isAfter(expiresAt)) {
            outbox.dropped(row, "EXPIRED: not sent before " + expiresAt);
            return;
        }
        Category category = Category.valueOf(row.getCategory());
        RecipientKey recipient = new RecipientKey(row.getRecipientKey());
        Contact contact = contact(row, settings.defaultLocale());
        if (contact.email() == null && settings.channel() == NotifySettings.Channel.EMAIL) {
            outbox.dropped(row, "NO_ADDRESS: the shop platform has sent no e-mail address for this customer");
            return;
        }
        if (contact.email() != null && !Recipient.isValidEmail(contact.email())) {
            outbox.dropped(row, "INVALID_ADDRESS: '" + contact.email() + "' is not an e-mail address");
            return;
        }
        String emailHash = contact.email() == null ? null : RecipientKey.emailHash(contact.email());
        ConsentState consent = consents.state(row.getShopId(), recipient, category, emailHash);
        if (!consent.maySend()) {
            outbox.dropped(row, consent == ConsentState.REVOKED ? "UNSUBSCRIBED: the recipient unsubscribed from "
                    + category + " messages" : "NO_CONSENT: " + category + " messages to this recipient need a "
                    + "confirmed double opt-in (" + consent + ")");
            return;
        }
        if (category.isContactPressure() && !postponed(row, settings, recipient, emailHash, now, expiresAt)) {
            return;
        }
        deliver(row, shop.get(), settings, category, recipient, contact, emailHash);
    }

    /** Quiet hours and the frequency cap; false when the message was delayed or dropped. */
    private boolean postponed(NotifyMessagesRecord row, NotifySettings settings, RecipientKey recipient,
                              String emailHash, Instant now, Instant expiresAt) {
        Optional<Instant> quietUntil = settings.quietHours().flatMap(quiet -> quiet.delayUntil(now));
        if (quietUntil.isPresent()) {
            delayOrExpire(row, quietUntil.get(), expiresAt, QUIET_HOURS + ": delayed until " + quietUntil.get()
                    + " (quiet hours " + settings.quietHours().get().start() + "–" + settings.quietHours().get().end()
                    + " " + settings.timeZone() + ")");
            return false;
        }
        if (row.getCountedAt() != null) {
            return true; // took its slot on an earlier attempt that failed to send
        }
        Optional<ContactPressure.Full> full = pressure.reserve(row.getShopId(), row.getId(), recipient, emailHash,
                settings);
        if (full.isEmpty()) {
            return true;
        }
        String received = "the recipient received " + capReason(full.get().counted(), settings);
        if (settings.capAction() == NotifySettings.CapAction.DROP) {
            outbox.dropped(row, CAPPED + ": " + received);
        } else {
            delayOrExpire(row, full.get().slotFrees(), expiresAt, CAPPED + ": delayed until "
                    + full.get().slotFrees() + ", " + received);
        }
        return false;
    }

    /** What happened, then the rule: "1 message in the last 7 days, cap 1". */
    static String capReason(int counted, NotifySettings settings) {
        return counted + (counted == 1 ? " message" : " messages") + " in the last "
                + (settings.capDays() == 1 ? "day" : settings.capDays() + " days") + ", cap " + settings.capMax();
    }

    private void delayOrExpire(NotifyMessagesRecord row, Instant until, Instant expiresAt, String reason) {
        if (expiresAt != null && until.isAfter(expiresAt)) {
            outbox.dropped(row, "EXPIRED: " + reason + ", after its expiry " + expiresAt);
        } else {
            outbox.delay(row, until, reason);
        }
    }

    private void deliver(NotifyMessagesRecord row, Shop shop, NotifySettings settings, Category category,
                         RecipientKey recipient, Contact contact, String emailHash) {
        Map<String, Object> data = json.readValue(row.getData(), MAP);
        String unsubscribeUrl = links.unsubscribe(row.getShopId(), recipient, category);
        Optional<TemplateSource> source = templates.find(row.getShopId(), row.getFeatureId(), row.getTemplate(),
                TemplateSources.candidates(contact.locale(), settings.defaultLocale()));
        if (source.isEmpty()) {
            failed(row, new DeliveryFailure("Template '" + row.getTemplate() + "' of feature " + row.getFeatureId()
                    + " not found (is the plugin loaded?)", true, null));
            return;
        }
        String locale = source.get().locale();
        boolean marketingAllowed = category == Category.MARKETING || consents.state(row.getShopId(), recipient,
                Category.MARKETING, emailHash).maySend();
        boolean tracked = !TemplateSources.HOST_FEATURE.equals(row.getFeatureId());
        LinkTracking tracking = new LinkTracking(url -> !tracked || links.isOwn(url) ? url
                : links.click(row.getShopId(), row.getId(), url));
        RenderedMessage rendered;
        try {
            rendered = tracking.apply(renderer.render(source.get(), model(data, shop, contact, locale, category,
                    marketingAllowed, unsubscribeUrl), RecipientLocales.formatting(contact.locale(), locale),
                    settings.timeZone()));
        } catch (TemplateProblem e) {
            outbox.dead(row, "TEMPLATE: " + source.get().origin() + " template " + row.getFeatureId() + "/"
                    + row.getTemplate() + "_" + locale + " does not render: " + e.getMessage());
            return;
        }
        rendered = withFooter(rendered, locale, category, shop.name(), unsubscribeUrl);
        OutgoingMessage message = new OutgoingMessage(row.getMessageKey(), row.getShopId(), shop.name(),
                row.getFeatureId(), category.name(), row.getTemplate(), locale, recipient.customerId(), contact.email(),
                rendered, data, unsubscribeUrl, settings, Outbox.instant(row.getCreatedAt()));
        DeliveryChannel channel = settings.channel() == NotifySettings.Channel.WEBHOOK ? webhook : email;
        try {
            channel.send(message);
        } catch (DeliveryFailure e) {
            failed(row, e);
            return;
        }
        if (!outbox.sent(row, settings.channel().name(), instance + "/" + Thread.currentThread().getName())) {
            // the database was away longer than the lease while sending and another worker took the message over
            log.warn("Message {} of shop {} was sent after its lease ran out", row.getMessageKey(), row.getShopId());
        }
    }

    /** Records a failed attempt: retry with backoff, or a dead letter after the last attempt. */
    void failed(NotifyMessagesRecord row, DeliveryFailure failure) {
        if (failure.retryable() && row.getAttempts() < properties.maxAttempts()) {
            Instant next = clock.instant().plus(backoff.after(row.getAttempts()));
            outbox.retry(row, next, "Attempt " + row.getAttempts() + " failed: " + failure.getMessage());
        } else {
            outbox.dead(row, (failure.retryable() ? "Gave up after " + row.getAttempts() + " attempts: " : "")
                    + failure.getMessage());
        }
        log.warn("Message {} of shop {} ({}) not delivered, attempt {}: {}", row.getMessageKey(), row.getShopId(),
                row.getFeatureId(), row.getAttempts(), masked(failure.getMessage()));
    }

    /** Servers quote the address in their replies; logs keep only its domain. */
    private static String masked(String text) {
        return text == null ? null : ADDRESS.matcher(text).replaceAll("***@$1");
    }

    private Map<String, Object> model(Map<String, Object> data, Shop shop, Contact contact, String locale,
                                      Category category, boolean marketingAllowed, String unsubscribeUrl) {
        Map<String, Object> model = new LinkedHashMap<>(data);
        model.put("shop", Map.of("id", shop.id(), "name", shop.name()));
        Map<String, Object> recipient = new LinkedHashMap<>();
        recipient.put("customerId", contact.customerId());
        recipient.put("email", contact.email());
        model.put("recipient", recipient);
        model.put("locale", locale);
        model.put("category", category.name());
        model.put("marketingAllowed", marketingAllowed);
        model.put("unsubscribeUrl", unsubscribeUrl);
        return model;
    }

    /** Every mail says why it came and carries a visible unsubscribe link, whatever its template does. */
    private RenderedMessage withFooter(RenderedMessage message, String locale, Category category, String shopName,
                                       String unsubscribeUrl) {
        String categoryName = texts.category(locale, category);
        String why = texts.text(locale, "footer.why", categoryName, shopName);
        String label = texts.text(locale, "footer.unsubscribe", categoryName);
        String htmlFooter = "<hr style=\"border: none; border-top: 1px solid #ddd;\"><p style=\"font-size: 12px; "
                + "color: #666;\">" + HtmlUtils.htmlEscape(why) + "<br><a href=\"" + HtmlUtils.htmlEscape(unsubscribeUrl)
                + "\">" + HtmlUtils.htmlEscape(label) + "</a></p>";
        String html = message.html();
        int body = html.toLowerCase(java.util.Locale.ROOT).lastIndexOf("</body>");
        html = body >= 0 ? html.substring(0, body) + htmlFooter + html.substring(body) : html + htmlFooter;
        String text = message.text().stripTrailing() + "\n\n-- \n" + why + "\n" + label + ": " + unsubscribeUrl + "\n";
        return new RenderedMessage(message.subject(), html, text);
    }

    /** Where the message goes: a guest's address from the row, a customer's (and locale) from the mirror. */
    private Contact contact(NotifyMessagesRecord row, String shopDefault) {
        if (row.getCustomerId() == null) {
            return new Contact(null, row.getEmail(), RecipientLocales.resolve(null, row.getLocale(), shopDefault));
        }
        CustomersRecord customer = db.selectFrom(CUSTOMERS)
                .where(CUSTOMERS.SHOP_ID.eq(row.getShopId()).and(CUSTOMERS.CUSTOMER_ID.eq(row.getCustomerId())))
                .fetchOne();
        return new Contact(row.getCustomerId(), customer == null ? null : customer.getEmail(),
                RecipientLocales.resolve(customer == null ? null : customer.getLocale(), row.getLocale(), shopDefault));
    }

    private record Contact(String customerId, String email, String locale) {
    }
}
