package dev.aftersales.plugins.replenishment;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.LinkCall;
import dev.aftersales.api.LinkResponse;
import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.platform.Cart;
import dev.aftersales.api.platform.CartLine;
import dev.aftersales.api.platform.PlatformException;
import dev.aftersales.plugins.replenishment.jooq.tables.records.ReplenishmentReminderLineRecord;
import dev.aftersales.plugins.replenishment.jooq.tables.records.ReplenishmentReminderRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The mail's "buy again" link: makes one cart per reminder through the shop's connector with the reminded lines at
 * today's stock and price, and sends the customer to the platform's checkout. A second click (or a mail filter that
 * opened the link first) reuses that cart. Lines out of stock or no longer sold are left out and named on a page
 * before the checkout. When the platform is down, nothing is stored and a page retries by itself.
 */
final class BuyAgain {

    LinkResponse open(LinkCall call) {
        FeatureContext shop = call.shop();
        Locale locale = call.locale();
        Reminders reminders = Reminders.of(shop);
        Optional<ReplenishmentReminderRecord> found = reminders.reminder(call.subject())
                .filter(r -> r.getCustomerId().equals(call.customerId()));
        if (found.isEmpty()) {
            return LinkResponse.page(Texts.get(locale, "invalid.title"));
        }
        ReplenishmentReminderRecord reminder = found.get();
        if (reminder.getCheckoutUrl() != null) {
            return LinkResponse.redirect(reminder.getCheckoutUrl());
        }
        Instant now = shop.clock().instant();
        if (!reminders.claimCart(reminder.getId(), now)) {
            return LinkResponse.retryLater(Texts.get(locale, "buy.preparing.title"),
                    Texts.get(locale, "buy.preparing.text"));
        }
        List<ReplenishmentReminderLineRecord> lines = reminders.lines(reminder.getId());
        Map<String, Variant> variants = shop.catalog().variants(
                lines.stream().map(ReplenishmentReminderLineRecord::getVariantId).toList());
        List<CartLine> available = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (ReplenishmentReminderLineRecord line : lines) {
            Variant variant = variants.get(line.getVariantId());
            if (variant == null || !variant.inStock()) {
                leftOut.add(variant == null ? line.getVariantId() : MailLinks.name(variant));
            } else {
                available.add(new CartLine(variant.id(), Math.min(line.getQuantity(), variant.stock())));
            }
        }
        if (available.isEmpty()) {
            reminders.releaseCart(reminder.getId());
            return LinkResponse.page(Texts.get(locale, "buy.none.title"),
                    Texts.get(locale, "buy.left-out", String.join(", ", leftOut)));
        }
        Cart cart;
        try {
            cart = shop.platform().createCart(reminder.getCustomerId(), available);
        } catch (PlatformException e) {
            reminders.releaseCart(reminder.getId());
            return LinkResponse.retryLater(Texts.get(locale, "buy.unavailable.title"),
                    Texts.get(locale, "buy.unavailable.text"));
        }
        reminders.saveCart(reminder.getId(), cart.cartId(), cart.checkoutUrl());
        if (leftOut.isEmpty()) {
            return LinkResponse.redirect(cart.checkoutUrl());
        }
        return LinkResponse.page(Texts.get(locale, "buy.partial.title"),
                Texts.get(locale, "buy.left-out", String.join(", ", leftOut)))
                .withButton(Texts.get(locale, "buy.checkout"), cart.checkoutUrl());
    }
}
