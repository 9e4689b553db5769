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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a {@link PriceChanged} into price-drop alerts, a page of {@link #PAGE} subscriptions per transaction so that
 * a variant watched by a million people needs no more memory than one watched by a thousand. In each transaction:
 * lock the page's alertable subscriptions, decide per subscription with {@link DropRule}, enqueue the page's mails in
 * one call, record them and move the references to the new price in one statement each — so a rollback leaves
 * neither mail nor record, and a second delivery of the same change (webhook retry, two workers, a failure after some
 * pages) finds the moved references and alerts nobody again. The dedupe key ({@code subscription id : alert number})
 * makes the enqueue itself idempotent too.
 */
final class PriceDrops {

    static final String TEMPLATE = "price-drop";
    /** Subscriptions decided per transaction: bounds memory, lock time and the size of one outbox insert. */
    static final int PAGE = 500;

    void register(Wiring wiring) {
        wiring.listen(PriceChanged.class, this::onPriceChanged);
    }

    void onPriceChanged(FeatureContext shop, PriceChanged event) {
        PriceAlertSettings settings = PriceAlertSettings.of(shop.settings());
        // read before the transactions: the mirror is the host's, and the mail wants names and the product page
        Optional<Variant> variant = shop.catalog().variant(event.variantId());
        Instant now = shop.clock().instant();
        long afterId = 0;
        while (afterId >= 0) {
            long from = afterId;
            afterId = shop.db().transactionResult(tx -> alertPage(shop, PriceAlertRepository.in(tx, shop), event,
                    variant, settings, now, from));
        }
    }

    /** Decides and alerts one page; the id to continue after, or -1 after the last page. */
    private long alertPage(FeatureContext shop, PriceAlertRepository repository, PriceChanged event,
                           Optional<Variant> variant, PriceAlertSettings settings, Instant now, long afterId) {
        Money price = event.newPrice();
        List<PriceAlert> page = repository.lockAlertable(event.variantId(), afterId, PAGE);
        // a customer who subscribed to the variant and also wishlisted it gets one mail, from the subscription
        Set<String> subscribed = repository.subscribedAmong(event.variantId(), page.stream()
                .filter(alert -> PriceAlert.WISHLIST.equals(alert.origin()))
                .map(PriceAlert::customerId)
                .toList());
        List<PriceAlert> alerts = new ArrayList<>();
        List<Long> rebased = new ArrayList<>();
        for (PriceAlert alert : page) {
            if (PriceAlert.WISHLIST.equals(alert.origin()) && subscribed.contains(alert.customerId())) {
                continue;
            }
            DropRule.Decision decision = DropRule.decide(alert.referencePrice(),
                    alert.targetPrice() == null ? null : alert.targetPrice().amount(), alert.alertsSent() > 0,
                    price, settings.minDropPercent());
            switch (decision) {
                case ALERT -> alerts.add(alert);
                case REBASE -> rebased.add(alert.id());
                case NONE -> {
                }
            }
        }
        if (!alerts.isEmpty()) {
            List<Enqueued> enqueued = shop.notifier().enqueueAll(alerts.stream()
                    .map(alert -> message(alert, variant, event, price, now, settings))
                    .toList());
            repository.insertSent(alerts, enqueued.stream().map(Enqueued::messageId).toList(), price, now);
            repository.recordAlerts(alerts.stream().map(PriceAlert::id).toList(), price, now);
        }
        repository.rebase(rebased, price);
        return page.size() < PAGE ? -1 : page.getLast().id();
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
