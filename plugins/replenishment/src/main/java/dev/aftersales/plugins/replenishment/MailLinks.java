package dev.aftersales.plugins.replenishment;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.LinkCall;
import dev.aftersales.api.LinkResponse;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.catalog.Variant;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The links of a reminder mail: buy again ({@link BuyAgain}) and, per item, snooze, skip and stop. Opening a manage
 * link only asks (mail filters open links too); the page's button confirms, and the change is the same as the
 * storefront's mutation ({@link CustomerChoices}). The host has verified the token and its expiry; the link names
 * the customer and the variant.
 */
final class MailLinks {

    static final String BUY_AGAIN = "buy-again";
    static final String SNOOZE = "snooze";
    static final String SKIP = "skip";
    static final String STOP = "stop";
    /** A snooze from a mail: a week, as the storefront's default. */
    static final int SNOOZE_DAYS = 7;

    void register(Wiring wiring, BuyAgain buyAgain) {
        wiring.link(BUY_AGAIN, buyAgain::open);
        wiring.link(SNOOZE, call -> manage(call, SNOOZE));
        wiring.link(SKIP, call -> manage(call, SKIP));
        wiring.link(STOP, call -> manage(call, STOP));
    }

    private LinkResponse manage(LinkCall call, String action) {
        FeatureContext shop = call.shop();
        Locale locale = call.locale();
        String name = shop.catalog().variant(call.subject()).map(MailLinks::name).orElse(call.subject());
        if (call.customerId() == null) {
            return LinkResponse.page(Texts.get(locale, "invalid.title"));
        }
        if (!call.confirmed()) {
            return LinkResponse.confirm(Texts.get(locale, action + ".question", name, SNOOZE_DAYS),
                    Texts.get(locale, action + ".button"));
        }
        CustomerChoices.Outcome outcome = switch (action) {
            case SNOOZE -> CustomerChoices.snooze(shop, call.customerId(), call.subject(), SNOOZE_DAYS);
            case SKIP -> CustomerChoices.skip(shop, call.customerId(), call.subject());
            default -> CustomerChoices.stop(shop, call.customerId(), call.subject(), true);
        };
        if (outcome.error() != null) {
            return LinkResponse.page(Texts.get(locale, "invalid.title"));
        }
        String until = LocalDate.ofInstant(shop.clock().instant().plus(Duration.ofDays(SNOOZE_DAYS)),
                shop.shop().timeZone()).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
        return LinkResponse.page(Texts.get(locale, action + ".done", name, until));
    }

    static String name(Variant variant) {
        return variant.name() == null || variant.name().isBlank() ? variant.productName()
                : variant.productName() + " – " + variant.name();
    }
}
