package dev.aftersales.host.notify.templates;

import freemarker.core.Environment;
import freemarker.template.TemplateDateModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import freemarker.template.utility.DeepUnwrap;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The formatting functions every template has, in the locale and time zone the renderer sets for the message (the
 * recipient's language, the shop's time zone), so features put raw values into the data and never format them:
 * <ul>
 *   <li>{@code ${money(price)}} — a {@code Money} of the data ({@code {"amount": 89.00, "currency": "EUR"}}) or
 *       {@code money(amount, "EUR")}: {@code 89,00 €} in German, {@code €89.00} in English;</li>
 *   <li>{@code ${date(day)}} — an ISO-8601 date or instant ({@code 2026-12-05}, {@code 2026-12-05T10:00:00Z}):
 *       {@code 5. Dezember 2026}, {@code December 5, 2026};</li>
 *   <li>{@code ${dateTime(at)}} — an instant with the time of day in the shop's time zone.</li>
 * </ul>
 * Plain numbers ({@code ${count}}) follow the locale by FreeMarker's own rules.
 */
public final class TemplateFormats {

    private TemplateFormats() {
    }

    /** The functions by the names templates call them. */
    static Map<String, TemplateModel> functions() {
        return Map.of("money", (TemplateMethodModelEx) TemplateFormats::money,
                "date", (TemplateMethodModelEx) arguments -> date(arguments, false),
                "dateTime", (TemplateMethodModelEx) arguments -> date(arguments, true));
    }

    /** Money as people of the locale write it, with the currency's digits ({@code 89,00 €}, {@code €89.00}). */
    static String money(BigDecimal amount, String currency, Locale locale) {
        Currency unit;
        try {
            unit = Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            return amount.toPlainString() + " " + currency; // not ISO 4217: say what we were given
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(unit);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return plainSpaces(format.format(amount));
    }

    /** A day ({@code FormatStyle.LONG}) or a day and time of day, in the zone. */
    static String date(Object value, boolean withTime, Locale locale, ZoneId zone) {
        DateTimeFormatter format = (withTime ? DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)).withLocale(locale);
        ZonedDateTime at = switch (value) {
            case java.util.Date date -> date.toInstant().atZone(zone);
            case String text -> parse(text.strip(), zone);
            default -> throw new IllegalArgumentException("expects an ISO-8601 date or time, got " + value);
        };
        return plainSpaces(withTime ? format.format(at) : format.format(at.toLocalDate()));
    }

    private static Object money(List<?> arguments) throws TemplateModelException {
        Environment environment = Environment.getCurrentEnvironment();
        Object first = arguments.isEmpty() ? null : DeepUnwrap.unwrap((TemplateModel) arguments.getFirst());
        if (arguments.size() == 1 && first instanceof Map<?, ?> money && money.get("amount") != null
                && money.get("currency") instanceof String currency) {
            return money(decimal(money.get("amount")), currency, environment.getLocale());
        }
        if (arguments.size() == 2 && arguments.get(1) instanceof TemplateScalarModel currency && first != null) {
            return money(decimal(first), currency.getAsString(), environment.getLocale());
        }
        throw new TemplateModelException("money(...) expects money ({\"amount\": 89.00, \"currency\": \"EUR\"}) or an"
                + " amount and a currency code, e.g. money(price) or money(amount, \"EUR\")");
    }

    private static Object date(List<?> arguments, boolean withTime) throws TemplateModelException {
        String name = withTime ? "dateTime" : "date";
        if (arguments.size() != 1) {
            throw new TemplateModelException(name + "(...) expects one value, an ISO-8601 date or time");
        }
        TemplateModel argument = (TemplateModel) arguments.getFirst();
        Object value = argument instanceof TemplateDateModel date ? date.getAsDate() : DeepUnwrap.unwrap(argument);
        Environment environment = Environment.getCurrentEnvironment();
        try {
            return date(value, withTime, environment.getLocale(), environment.getTimeZone().toZoneId());
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new TemplateModelException(name + "(...) " + e.getMessage());
        }
    }

    private static BigDecimal decimal(Object amount) throws TemplateModelException {
        try {
            return amount instanceof BigDecimal decimal ? decimal : new BigDecimal(amount.toString());
        } catch (NumberFormatException e) {
            throw new TemplateModelException("money(...) needs a number as amount, got '" + amount + "'");
        }
    }

    private static ZonedDateTime parse(String text, ZoneId zone) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(zone);
            }
            if (text.endsWith("Z")) {
                return Instant.parse(text).atZone(zone);
            }
            try {
                return OffsetDateTime.parse(text).atZoneSameInstant(zone);
            } catch (DateTimeException e) {
                return LocalDateTime.parse(text).atZone(zone);
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("expects an ISO-8601 date or time such as 2026-12-05 or "
                    + "2026-12-05T10:00:00Z, got '" + text + "'");
        }
    }

    /** CLDR puts no-break spaces around symbols and before AM/PM; plain spaces survive every mail client. */
    private static String plainSpaces(String text) {
        return text.replace('\u00A0', ' ').replace('\u202F', ' ');
    }
}
