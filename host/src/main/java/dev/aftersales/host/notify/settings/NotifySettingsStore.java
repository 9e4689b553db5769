package dev.aftersales.host.notify.settings;

import static dev.aftersales.host.jooq.Tables.NOTIFY_SHOP_SETTINGS;

import dev.aftersales.api.graphql.UserError;
import dev.aftersales.api.notify.Recipient;
import dev.aftersales.host.jooq.tables.records.NotifyShopSettingsRecord;
import dev.aftersales.host.links.WebUrls;
import dev.aftersales.host.notify.pressure.QuietHours;
import dev.aftersales.host.webhooks.WebhookSignature;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Reads and changes the shops' notification settings ({@code notify_shop_settings}). Read on every delivery (one
 * primary-key read), so a change applies to the next message on every instance.
 */
@Component
public class NotifySettingsStore {

    private static final Set<String> KEYS = Set.of("senderEmail", "senderName", "replyTo", "smtpHost", "smtpPort",
            "smtpUsername", "smtpPassword", "smtpStartTls", "channel", "webhookUrl", "timeZone", "quietStart",
            "quietEnd", "capMax", "capDays", "capAction", "attributionDays", "defaultLocale", "unsubscribeMailto");

    private final DSLContext db;
    private final Clock clock;
    private final NotifyProperties.Defaults defaults;

    NotifySettingsStore(DSLContext db, Clock clock, NotifyProperties properties) {
        this.db = db;
        this.clock = clock;
        this.defaults = properties.defaults();
    }

    public NotifySettings of(String shopId) {
        NotifyShopSettingsRecord row = db.fetchOne(NOTIFY_SHOP_SETTINGS, NOTIFY_SHOP_SETTINGS.SHOP_ID.eq(shopId));
        return effective(row == null ? db.newRecord(NOTIFY_SHOP_SETTINGS) : row);
    }

    /** Whether the shop stored an SMTP password (the password itself is never shown). */
    public boolean hasSmtpPassword(String shopId) {
        return db.fetchExists(NOTIFY_SHOP_SETTINGS, NOTIFY_SHOP_SETTINGS.SHOP_ID.eq(shopId)
                .and(NOTIFY_SHOP_SETTINGS.SMTP_PASSWORD.isNotNull()));
    }

    /**
     * Applies some settings ({@code null} or {@code ""}: back to the default). Everything is validated first; one
     * invalid value rejects the change. Switching to the webhook channel creates a signing secret, returned once.
     */
    public Update update(String shopId, Map<String, Object> changes) {
        List<UserError> errors = new ArrayList<>();
        changes.keySet().stream().filter(key -> !KEYS.contains(key)).forEach(key -> errors.add(UserError.of(
                "UNKNOWN_SETTING", "There is no notification setting '" + key + "'", "input", "settings", key)));
        NotifyShopSettingsRecord row = db.fetchOne(NOTIFY_SHOP_SETTINGS, NOTIFY_SHOP_SETTINGS.SHOP_ID.eq(shopId));
        boolean exists = row != null;
        if (!exists) {
            row = db.newRecord(NOTIFY_SHOP_SETTINGS);
            row.setShopId(shopId);
        }
        Values values = new Values(changes, errors);
        values.email("senderEmail", row::setSenderEmail);
        values.text("senderName", 200, row::setSenderName);
        values.email("replyTo", row::setReplyTo);
        values.text("smtpHost", 255, row::setSmtpHost);
        values.integer("smtpPort", 1, 65535, row::setSmtpPort);
        values.text("smtpUsername", 255, row::setSmtpUsername);
        values.text("smtpPassword", 255, row::setSmtpPassword);
        values.bool("smtpStartTls", row::setSmtpStarttls);
        values.oneOf("channel", List.of("EMAIL", "WEBHOOK"), row::setChannel);
        values.url("webhookUrl", row::setWebhookUrl);
        values.zone("timeZone", row::setTimeZone);
        values.time("quietStart", row::setQuietStart);
        values.time("quietEnd", row::setQuietEnd);
        values.integer("capMax", 0, 100, row::setCapMax);
        values.integer("capDays", 1, 90, row::setCapDays);
        values.oneOf("capAction", List.of("DELAY", "DROP"), row::setCapAction);
        values.integer("attributionDays", 1, 90, row::setAttributionDays);
        values.locale("defaultLocale", row::setDefaultLocale);
        values.email("unsubscribeMailto", row::setUnsubscribeMailto);
        if ((row.getQuietStart() == null) != (row.getQuietEnd() == null)
                || row.getQuietStart() != null && row.getQuietStart().equals(row.getQuietEnd())) {
            errors.add(UserError.of("INVALID", "Quiet hours need a start and a different end (HH:mm), or neither",
                    "input", "settings", "quietStart"));
        }
        if ("WEBHOOK".equals(row.getChannel()) && row.getWebhookUrl() == null) {
            errors.add(UserError.of("INVALID", "The webhook channel needs a webhookUrl", "input", "settings",
                    "webhookUrl"));
        }
        if (!errors.isEmpty()) {
            return new Update(null, null, errors);
        }
        String newSecret = null;
        if ("WEBHOOK".equals(row.getChannel()) && row.getWebhookSecret() == null) {
            newSecret = WebhookSignature.newSecret();
            row.setWebhookSecret(newSecret);
        }
        row.setUpdatedAt(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        // explicit statements: a record's insert() adds RETURNING, which MariaDB refuses through Connector/J
        if (exists) {
            db.update(NOTIFY_SHOP_SETTINGS).set(row).where(NOTIFY_SHOP_SETTINGS.SHOP_ID.eq(shopId)).execute();
        } else {
            db.insertInto(NOTIFY_SHOP_SETTINGS).set(row).execute();
        }
        return new Update(effective(row), newSecret, List.of());
    }

    /** A new signing secret for the shop's outbound webhooks; shown once. */
    public String rotateWebhookSecret(String shopId) {
        String secret = WebhookSignature.newSecret();
        update(shopId, Map.of()); // makes sure the row exists
        db.update(NOTIFY_SHOP_SETTINGS).set(NOTIFY_SHOP_SETTINGS.WEBHOOK_SECRET, secret)
                .where(NOTIFY_SHOP_SETTINGS.SHOP_ID.eq(shopId)).execute();
        return secret;
    }

    private NotifySettings effective(NotifyShopSettingsRecord row) {
        ZoneId zone = ZoneId.of(or(row.getTimeZone(), defaults.timeZone()));
        String quietStart = row.getQuietStart() != null ? row.getQuietStart() : blankToNull(defaults.quietStart());
        String quietEnd = row.getQuietStart() != null ? row.getQuietEnd() : blankToNull(defaults.quietEnd());
        Optional<QuietHours> quiet = quietStart == null || quietEnd == null ? Optional.empty()
                : Optional.of(new QuietHours(zone, LocalTime.parse(quietStart), LocalTime.parse(quietEnd)));
        Optional<SmtpServer> smtp = row.getSmtpHost() == null ? Optional.empty()
                : Optional.of(new SmtpServer(row.getSmtpHost(), row.getSmtpPort() == null ? 25 : row.getSmtpPort(),
                        row.getSmtpUsername(), row.getSmtpPassword(), Boolean.TRUE.equals(row.getSmtpStarttls())));
        return new NotifySettings(or(row.getSenderEmail(), defaults.senderEmail()),
                or(row.getSenderName(), blankToNull(defaults.senderName())), row.getReplyTo(), smtp,
                NotifySettings.Channel.valueOf(or(row.getChannel(), "EMAIL")), row.getWebhookUrl(),
                row.getWebhookSecret(), zone, quiet,
                row.getCapMax() != null ? row.getCapMax() : defaults.capMax(),
                row.getCapDays() != null ? row.getCapDays() : defaults.capDays(),
                NotifySettings.CapAction.valueOf(or(row.getCapAction(), defaults.capAction())),
                row.getAttributionDays() != null ? row.getAttributionDays() : defaults.attributionDays(),
                or(row.getDefaultLocale(), defaults.defaultLocale()), row.getUnsubscribeMailto());
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * The operator's changes, each read and checked once: a valid value is handed to its setter, {@code null} or
     * {@code ""} hands over null (back to the default), a problem is recorded and nothing is set.
     */
    private record Values(Map<String, Object> changes, List<UserError> errors) {

        <T> void read(String key, Class<T> type, String expected, Function<T, Optional<String>> problem,
                      Consumer<T> setter) {
            if (!changes.containsKey(key)) {
                return;
            }
            Object value = changes.get(key);
            if (value == null || value instanceof String s && s.isBlank()) {
                setter.accept(null);
                return;
            }
            if (!type.isInstance(value)) {
                errors.add(UserError.of("INVALID", "'" + key + "' must be " + expected, "input", "settings", key));
                return;
            }
            T typed = type.cast(value);
            Optional<String> why = problem.apply(typed);
            if (why.isPresent()) {
                errors.add(UserError.of("INVALID", "'" + key + "' " + why.get(), "input", "settings", key));
                return;
            }
            setter.accept(typed);
        }

        void text(String key, int max, Consumer<String> setter) {
            read(key, String.class, "a string", s -> s.length() > max
                    ? Optional.of("must be at most " + max + " characters") : Optional.empty(), setter);
        }

        void email(String key, Consumer<String> setter) {
            read(key, String.class, "an e-mail address", s -> Recipient.isValidEmail(s) ? Optional.empty()
                    : Optional.of("is not an e-mail address"), setter);
        }

        void oneOf(String key, List<String> allowed, Consumer<String> setter) {
            read(key, String.class, "a string", s -> allowed.contains(s) ? Optional.empty()
                    : Optional.of("must be one of " + allowed), setter);
        }

        void url(String key, Consumer<String> setter) {
            read(key, String.class, "a URL", s -> WebUrls.isHttp(s) ? Optional.empty()
                    : Optional.of("must be an http(s) URL, not '" + WebUrls.quoted(s) + "'"), setter);
        }

        void zone(String key, Consumer<String> setter) {
            read(key, String.class, "a time zone", s -> {
                try {
                    ZoneId.of(s);
                    return Optional.empty();
                } catch (DateTimeException e) {
                    return Optional.of("is not a time zone such as Europe/Berlin");
                }
            }, setter);
        }

        void time(String key, Consumer<String> setter) {
            read(key, String.class, "a time HH:mm", s -> {
                try {
                    LocalTime.parse(s);
                    return s.length() == 5 ? Optional.empty() : Optional.of("must be a time HH:mm");
                } catch (DateTimeParseException e) {
                    return Optional.of("must be a time HH:mm");
                }
            }, setter);
        }

        void locale(String key, Consumer<String> setter) {
            read(key, String.class, "a language tag", s -> Locale.forLanguageTag(s).getLanguage().isEmpty()
                    || s.length() > 20 ? Optional.of("is not a language tag such as de or en") : Optional.empty(), setter);
        }

        void integer(String key, int min, int max, Consumer<Integer> setter) {
            read(key, Integer.class, "a whole number", i -> i < min || i > max
                    ? Optional.of("must be between " + min + " and " + max) : Optional.empty(), setter);
        }

        void bool(String key, Consumer<Boolean> setter) {
            read(key, Boolean.class, "true or false", b -> Optional.empty(), setter);
        }
    }

    /** The outcome of {@link #update}: the new settings, a new webhook secret (shown once), or why nothing changed. */
    public record Update(NotifySettings settings, String newWebhookSecret, List<UserError> userErrors) {
    }
}
