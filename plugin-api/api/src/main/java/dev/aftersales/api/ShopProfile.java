package dev.aftersales.api;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * The shop a feature runs for, as its customers see it: its name, the time zone its days and send windows are read
 * in, and the language a message falls back to when nothing is known of the recipient. Since plugin API 1.1.
 *
 * <pre>{@code
 * LocalDate today = LocalDate.now(shop.clock().withZone(shop.shop().timeZone()));
 * }</pre>
 *
 * @param id            the shop's id, as {@link FeatureContext#shopId()}
 * @param name          the shop's display name
 * @param timeZone      the shop's time zone (operator setting {@code timeZone})
 * @param defaultLocale the shop's default language (operator setting {@code defaultLocale})
 */
public record ShopProfile(String id, String name, ZoneId timeZone, Locale defaultLocale) {

    public ShopProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(defaultLocale, "defaultLocale");
        name = name == null ? id : name;
    }
}
