package dev.aftersales.plugins.pricealert;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.events.PriceChanged;
import dev.aftersales.api.notify.Category;
import dev.aftersales.api.notify.Enqueued;
import dev.aftersales.api.notify.Notification;
import dev.aftersales.api.notify.Recipient;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a {@link PriceChanged} into price-drop alerts. In one transaction: lock the variant's alertable
 * subscriptions, decide per subscription with {@link DropRule}, and for each alert enqueue the mail, record it and
 * move the reference to the new price — so a rollback leaves neither mail nor record, and a second delivery of the
 * same change (webhook retry, two workers) finds the moved reference and alerts nobody again. The dedupe key
 * ({@code subscription id : alert number}) makes the enqueue itself idempotent too.
 */
final class PriceDrops {

    static final String TEMPLATE = "price-drop";

    void register(Wiring wiring) {
        wiring.listen(PriceChanged.class, this::onPriceChanged);
    }

    void onPriceChanged(FeatureContext shop, PriceChanged event) {
        PriceAlertSettings settings = PriceAlertSettings.of(shop.settings());
        Money price = event.newPrice();
        // read before the transaction: the mirror is the host's, and the mail wants names and the product page
        Optional<Variant> variant = shop.catalog().variant(event.variantId());
        Instant now = shop.clock().instant();
        shop.db().transaction(tx -> {
            PriceAlertRepository repository = PriceAlertRepository.in(tx, shop);
            List<PriceAlert> alertable = repository.lockAlertable(event.variantId());
            // a customer who subscribed to the variant and also wishlisted it gets one mail, from the subscription
            Set<String> subscribedCustomers = alertable.stream()
                    .filter(alert -> PriceAlert.SUBSCRIBED.equals(alert.origin()) && !alert.isGuest())
                    .map(PriceAlert::customerId)
                    .collect(Collectors.toSet());
            for (PriceAlert alert : alertable) {
                if (PriceAlert.WISHLIST.equals(alert.origin()) && subscribedCustomers.contains(alert.customerId())) {
                    continue;
                }
                DropRule.Decision decision = DropRule.decide(alert.referencePrice(),
                        alert.targetPrice() == null ? null : alert.targetPrice().amount(), alert.alertsSent() > 0,
                        price, settings.minDropPercent());
                switch (decision) {
                    case ALERT -> {
                        Enqueued enqueued = shop.notifier().enqueue(message(alert, variant, event, price, now,
                                settings));
                        repository.insertSent(alert, price, enqueued.messageId(), now);
                        repository.recordAlert(alert, price, now);
                    }
                    case REBASE -> repository.rebase(alert, price);
                    case NONE -> {
                    }
                }
            }
        });
    }

    private static Notification message(PriceAlert alert, Optional<Variant> variant, PriceChanged event, Money price,
                                        Instant now, PriceAlertSettings settings) {
        Recipient recipient = alert.isGuest()
                ? Recipient.guest(alert.email(), alert.locale())
                : Recipient.customer(alert.customerId());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("productName", variant.map(Variant::productName).orElse(""));
        data.put("variantName", variant.map(Variant::name).orElse(event.variantId()));
        // money as money: the host writes it in the recipient's locale (${money(newPrice)})
        data.put("oldPrice", alert.referencePrice());
        data.put("newPrice", price);
        if (alert.targetPrice() != null) {
            data.put("targetPrice", alert.targetPrice());
        }
        data.put("fromWishlist", PriceAlert.WISHLIST.equals(alert.origin()));
        data.put("url", variant.map(Variant::url).orElse(""));
        return Notification.to(recipient)
                .template(TEMPLATE)
                .category(Category.ALERT)
                .data(data)
                .dedupeKey("price-drop:" + alert.id() + ":" + (alert.alertsSent() + 1))
                .expiresAt(now.plus(settings.alertExpiry()))
                .build();
    }
}
