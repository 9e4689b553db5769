package dev.aftersales.plugins.stockalert;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.events.ConsentConfirmed;
import dev.aftersales.api.events.ConsentRevoked;
import dev.aftersales.api.graphql.FieldCall;
import dev.aftersales.api.graphql.GlobalId;
import dev.aftersales.api.graphql.UserError;
import dev.aftersales.api.notify.Category;
import dev.aftersales.api.notify.ConsentState;
import dev.aftersales.api.notify.Recipient;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code stockAlertSubscribe} and {@code stockAlertCancel}, and the consent events that activate or end
 * subscriptions. A signed-in customer's subscription is active at once (their own action is consent for alerts, which
 * {@code requestConsent} records); a guest's waits for the double opt-in and becomes active on {@link ConsentConfirmed}.
 * Subscribing again while a subscription waits changes nothing and returns it.
 */
final class StockAlertSubscribing {

    static final String CANCEL_PURPOSE = "stock-alert-cancel";

    void register(Wiring wiring) {
        wiring.mutation("stockAlertSubscribe", this::subscribe);
        wiring.mutation("stockAlertCancel", this::cancel);
        wiring.listen(ConsentConfirmed.class, (shop, event) -> {
            if (event.category() == Category.ALERT && event.recipient().isGuest()) {
                confirmed(shop, event.recipient().email());
            }
        });
        wiring.listen(ConsentRevoked.class, (shop, event) -> {
            if (event.category() == Category.ALERT) {
                Recipient who = event.recipient();
                Subscriptions.of(shop).deletePendingOf(who.customerId(), who.isGuest() ? who.email() : null);
            }
        });
    }

    Payloads.SubscribePayload subscribe(FieldCall call) {
        FeatureContext shop = call.shop();
        Map<String, Object> input = call.input();
        String variantId = (String) input.get("variantId");
        String customerId = call.viewer().customerId().orElse(null);
        String email = customerId == null ? trimmed((String) input.get("email")) : null;
        String locale = trimmed((String) input.get("locale"));

        if (customerId == null && !Recipient.isValidEmail(email)) {
            return Payloads.SubscribePayload.failed(UserError.of(UserErrors.INVALID_EMAIL,
                    email == null ? "A guest needs to give an e-mail address" : "This is not an e-mail address",
                    "input", "email"));
        }
        if (locale != null && (locale.length() > 35 || Locale.forLanguageTag(locale).getLanguage().isEmpty())) {
            return Payloads.SubscribePayload.failed(UserError.of(UserErrors.INVALID,
                    "The locale must be a language tag such as 'de' or 'de-CH'", "input", "locale"));
        }
        Optional<Variant> variant = variantId == null ? Optional.empty() : shop.catalog().variant(variantId);
        if (variant.isEmpty()) {
            return Payloads.SubscribePayload.failed(UserErrors.notFound("variant", "input", "variantId"));
        }
        if (variant.get().inStock()) {
            return Payloads.SubscribePayload.failed(UserError.of(UserErrors.IN_STOCK,
                    "'" + describe(variant.get()) + "' is in stock and can be bought now", "input", "variantId"));
        }

        StockAlertSettings settings = StockAlertSettings.of(shop.settings());
        Instant now = shop.clock().instant();
        Recipient recipient = customerId != null ? Recipient.customer(customerId) : Recipient.guest(email, locale);
        String purpose = purpose(variant.get(), locale);
        Optional<StockAlert> result = shop.inTransaction(tx -> {
            Subscriptions subscriptions = Subscriptions.in(tx, shop);
            Optional<StockAlert> existing = subscriptions.lockBySubscriber(variantId,
                    Subscriptions.subscriberKey(customerId, email));
            if (existing.isPresent() && existing.get().status().equals(StockAlert.ACTIVE)) {
                return existing;
            }
            ConsentState consent = shop.notifier().requestConsent(recipient, Category.ALERT, purpose);
            if (consent == ConsentState.REVOKED || consent == ConsentState.NONE) {
                return Optional.<StockAlert>empty();
            }
            String status = consent == ConsentState.GRANTED ? StockAlert.ACTIVE : StockAlert.AWAITING_CONFIRMATION;
            if (existing.isEmpty()) {
                return Optional.of(subscriptions.insert(variantId, customerId, email, locale, status, now,
                        now.plus(settings.expiry())));
            }
            if (existing.get().pending()) {
                if (!status.equals(existing.get().status())) {
                    subscriptions.setStatus(existing.get().id(), status);
                }
                return subscriptions.find(existing.get().id());
            }
            return Optional.of(subscriptions.renew(existing.get(), locale, status, now, now.plus(settings.expiry())));
        });
        if (result.isEmpty()) {
            return Payloads.SubscribePayload.failed(UserError.of(UserErrors.UNSUBSCRIBED,
                    "This address asked not to receive mail from the shop; no alert was set up", "input", "email"));
        }
        StockAlert alert = result.get();
        String cancelToken = alert.isGuest()
                ? shop.links().sign(CANCEL_PURPOSE, String.valueOf(alert.id()), alert.expiresAt())
                : null;
        return new Payloads.SubscribePayload(alert, cancelToken, List.of());
    }

    Payloads.CancelPayload cancel(FieldCall call) {
        FeatureContext shop = call.shop();
        Map<String, Object> input = call.input();
        String token = (String) input.get("cancelToken");
        String alertId = (String) input.get("stockAlertId");
        if (token != null) {
            Optional<Long> id = shop.links().verify(CANCEL_PURPOSE, token).flatMap(StockAlertSubscribing::parseLong);
            if (id.isPresent() && Subscriptions.of(shop).delete(id.get(), null)) {
                return new Payloads.CancelPayload(GlobalId.encode("StockAlert", id.get()), List.of());
            }
            return Payloads.CancelPayload.failed(UserErrors.notFound("stock alert", "input", "cancelToken"));
        }
        if (alertId == null) {
            return Payloads.CancelPayload.failed(UserError.of(UserErrors.INVALID,
                    "Give the alert's id (signed in) or the cancel token from stockAlertSubscribe (guests)",
                    "input", "stockAlertId"));
        }
        String customerId = call.viewer().requireCustomer();
        Optional<Long> id = GlobalId.decodeLong("StockAlert", alertId);
        if (id.isPresent() && Subscriptions.of(shop).delete(id.get(), customerId)) {
            return new Payloads.CancelPayload(alertId, List.of());
        }
        return Payloads.CancelPayload.failed(UserErrors.notFound("stock alert", "input", "stockAlertId"));
    }

    /**
     * A guest confirmed the double opt-in: their waiting subscriptions become active. A variant that is in stock
     * already (it came back while they had not confirmed yet) gets a restock, so they hear of it after the trigger
     * delay instead of waiting for the next one.
     */
    private void confirmed(FeatureContext shop, String email) {
        Instant now = shop.clock().instant();
        List<String> variants = shop.inTransaction(tx -> Subscriptions.in(tx, shop).activateGuest(email, now));
        StockAlertSettings settings = StockAlertSettings.of(shop.settings());
        shop.catalog().variants(variants).values().stream()
                .filter(variant -> variant.purchasable() && settings.reached(variant.stock()))
                .forEach(variant -> RestockDetection.opened(shop, variant.id(), now, now.plus(settings.triggerDelay())));
    }

    /** What the person subscribes to, in their language: the confirmation mail and the consent record show it. */
    static String purpose(Variant variant, String locale) {
        boolean german = locale != null && Locale.forLanguageTag(locale).getLanguage().equals("de");
        return german
                ? "Benachrichtigen Sie mich, wenn '" + describe(variant) + "' wieder da ist"
                : "Tell me when '" + describe(variant) + "' is back in stock";
    }

    private static String describe(Variant variant) {
        return variant.productName() + " " + variant.name();
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static Optional<Long> parseLong(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
