package dev.aftersales.plugins.pricealert;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.events.ConsentConfirmed;
import dev.aftersales.api.events.ConsentRevoked;
import dev.aftersales.api.graphql.FieldCall;
import dev.aftersales.api.graphql.GlobalId;
import dev.aftersales.api.notify.Category;
import dev.aftersales.api.notify.ConsentState;
import dev.aftersales.api.notify.Recipient;
import dev.aftersales.plugins.pricealert.Payloads.CancelPayload;
import dev.aftersales.plugins.pricealert.Payloads.SubscribePayload;
import dev.aftersales.plugins.pricealert.Payloads.WatchWishlistPayload;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a person does: {@code priceAlertSubscribe}, {@code priceAlertCancel}, {@code priceAlertWatchWishlist}, and
 * the consent events that activate (double opt-in confirmed) or end (unsubscribed) subscriptions.
 *
 * <p>Every new subscription asks the notifier for consent in the transaction that stores it: a customer's own action
 * grants alerts at once; a guest gets a confirmation mail and the subscription stays {@code PENDING} until
 * {@link ConsentConfirmed} (or is active at once when the address confirmed before).
 */
final class Subscriptions {

    static final String ALERT_ID_TYPE = "PriceAlert";
    /** The width of {@code price_alert_subscription.locale}. */
    private static final int MAX_LOCALE_LENGTH = 35;

    void register(Wiring wiring) {
        wiring.mutation("priceAlertSubscribe", this::subscribe);
        wiring.mutation("priceAlertCancel", this::cancel);
        wiring.mutation("priceAlertWatchWishlist", this::watchWishlist);
        wiring.listen(ConsentConfirmed.class, (shop, event) -> {
            if (event.category() == Category.ALERT && event.recipient().isGuest()) {
                PriceAlertRepository.of(shop).activateGuest(normalized(event.recipient().email()));
            }
        });
        wiring.listen(ConsentRevoked.class, (shop, event) -> {
            if (event.category() != Category.ALERT) {
                return;
            }
            Recipient recipient = event.recipient();
            shop.db().transaction(tx -> {
                PriceAlertRepository repository = PriceAlertRepository.in(tx, shop);
                if (recipient.isGuest()) {
                    repository.forgetGuest(normalized(recipient.email()));
                } else {
                    repository.cancelAllOf(recipient.customerId());
                }
            });
        });
    }

    SubscribePayload subscribe(FieldCall call) {
        FeatureContext shop = call.shop();
        Map<String, Object> input = call.input();
        Optional<String> customerId = call.viewer().customerId();
        String email = customerId.isPresent() ? null : (String) input.get("email");
        String locale = customerId.isPresent() ? null : (String) input.get("locale");
        if (customerId.isEmpty()) {
            if (email == null || email.isBlank()) {
                return SubscribePayload.failed(UserErrors.of(UserErrors.EMAIL_REQUIRED,
                        "Sign in or give an e-mail address to be told about price drops", "input", "email"));
            }
            if (!Recipient.isValidEmail(email)) {
                return SubscribePayload.failed(UserErrors.of(UserErrors.INVALID_EMAIL,
                        "This is not an e-mail address", "input", "email"));
            }
            if (locale != null && (locale.isBlank() || locale.length() > MAX_LOCALE_LENGTH
                    || Locale.forLanguageTag(locale).getLanguage().isEmpty())) {
                return SubscribePayload.failed(UserErrors.of(UserErrors.INVALID,
                        "The locale must be a language tag such as 'de' or 'en-GB'", "input", "locale"));
            }
            email = normalized(email);
        }
        String variantId = (String) input.get("variantId");
        Optional<Variant> found = variantId == null ? Optional.empty() : shop.catalog().variant(variantId);
        if (found.isEmpty()) {
            return SubscribePayload.failed(UserErrors.of(UserErrors.NOT_FOUND, "No such variant",
                    "input", "variantId"));
        }
        Variant variant = found.get();
        BigDecimal target = decimal(input.get("targetPrice"));
        if (target != null && target.signum() <= 0) {
            return SubscribePayload.failed(UserErrors.of(UserErrors.INVALID,
                    "The target price must be more than zero", "input", "targetPrice"));
        }
        if (target != null && target.compareTo(variant.price().amount()) >= 0) {
            return SubscribePayload.failed(UserErrors.of(UserErrors.TARGET_NOT_BELOW_PRICE,
                    "The target price must lie below the current price of " + Prices.format(variant.price())
                            + "; without a target you are told about any drop", "input", "targetPrice"));
        }

        String guestEmail = email;
        Recipient recipient = customerId.map(Recipient::customer).orElseGet(() -> Recipient.guest(guestEmail, locale));
        String purpose = purpose(variant, target, locale);
        Instant now = shop.clock().instant();
        try {
            PriceAlert alert = shop.inTransaction(tx -> {
                PriceAlertRepository repository = PriceAlertRepository.in(tx, shop);
                PriceAlert stored = repository.insertIfAbsent(PriceAlert.SUBSCRIBED, variant.id(),
                        customerId.orElse(null), guestEmail, locale, target, variant.price(), PriceAlert.PENDING, now);
                if (!sameAmount(stored.targetPrice(), target)) {
                    repository.setTarget(stored.id(), target);
                }
                ConsentState consent = shop.notifier().requestConsent(recipient, Category.ALERT, purpose);
                if (consent == ConsentState.REVOKED) {
                    throw new ConsentRefused();
                }
                if (consent == ConsentState.GRANTED && PriceAlert.PENDING.equals(stored.status())) {
                    repository.activate(stored.id());
                }
                return repository.find(PriceAlert.SUBSCRIBED, variant.id(), customerId.orElse(null), guestEmail)
                        .orElseThrow();
            });
            return new SubscribePayload(alert, PriceAlert.PENDING.equals(alert.status()), List.of());
        } catch (RuntimeException e) {
            if (!(e instanceof ConsentRefused) && !(e.getCause() instanceof ConsentRefused)) {
                throw e;
            }
            return SubscribePayload.failed(UserErrors.of(UserErrors.CONSENT_REVOKED,
                    "This address asked to receive no more alerts from this shop", "input", "email"));
        }
    }

    CancelPayload cancel(FieldCall call) {
        String customerId = call.viewer().requireCustomer();
        String id = (String) call.input().get("priceAlertId");
        PriceAlertRepository repository = PriceAlertRepository.of(call.shop());
        Optional<PriceAlert> alert = GlobalId.decodeLong(ALERT_ID_TYPE, id)
                .flatMap(key -> repository.customersSubscription(customerId, key));
        if (alert.isEmpty() || repository.delete(alert.get().id()) == 0) {
            return new CancelPayload(null, List.of(UserErrors.of(UserErrors.NOT_FOUND, "No such price alert",
                    "input", "priceAlertId")));
        }
        return new CancelPayload(id, List.of());
    }

    WatchWishlistPayload watchWishlist(FieldCall call) {
        String customerId = call.viewer().requireCustomer();
        FeatureContext shop = call.shop();
        boolean enabled = Boolean.TRUE.equals(call.input().get("enabled"));
        Instant now = shop.clock().instant();
        shop.inTransaction(tx -> {
            PriceAlertRepository repository = PriceAlertRepository.in(tx, shop);
            if (enabled) {
                repository.watch(customerId, now);
                // a customer's own action: recorded as consent to alerts (anew, after an earlier unsubscribe)
                shop.notifier().requestConsent(Recipient.customer(customerId), Category.ALERT,
                        "Tell me when items on my wishlist get cheaper");
            } else {
                repository.unwatch(customerId);
            }
            return null;
        });
        return new WatchWishlistPayload(enabled, List.of());
    }

    static String normalized(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** Numbers compare by value: {@code 40} and {@code 40.00} are one target. */
    private static boolean sameAmount(dev.aftersales.api.catalog.Money stored, BigDecimal target) {
        return stored == null ? target == null : target != null && stored.amount().compareTo(target) == 0;
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }

    private static String purpose(Variant variant, BigDecimal target, String locale) {
        String name = variant.productName() + " " + variant.name();
        boolean german = locale != null && locale.toLowerCase(Locale.ROOT).startsWith("de");
        if (target == null) {
            return german ? "Sag mir, wenn '" + name + "' günstiger wird"
                    : "Tell me when '" + name + "' gets cheaper";
        }
        String price = Prices.format(new dev.aftersales.api.catalog.Money(target, variant.price().currency()));
        return german ? "Sag mir, wenn '" + name + "' höchstens " + price + " kostet"
                : "Tell me when '" + name + "' costs " + price + " or less";
    }

    /** Rolls the subscription back when the address refuses confirmation mails. */
    private static final class ConsentRefused extends RuntimeException {
        ConsentRefused() {
            super(null, null, false, false);
        }
    }
}
