package dev.aftersales.plugins.winback;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.catalog.OrderHistory;
import dev.aftersales.api.notify.Category;
import dev.aftersales.api.notify.ConsentState;
import dev.aftersales.api.notify.Notification;
import dev.aftersales.api.notify.Recipient;
import dev.aftersales.api.platform.Coupon;
import dev.aftersales.api.platform.CouponRequest;
import dev.aftersales.api.platform.PlatformException;
import dev.aftersales.plugins.winback.jooq.tables.records.WinBackSequencesRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hourly run: ends offers whose coupon expired, sends the offers that are due (coupon first, outside any
 * transaction; a refused coupon is tried again an hour later, up to {@value #COUPON_ATTEMPTS} times, and the offer
 * is not sent without one), then starts sequences for newly lapsed customers with marketing consent (reminder in the
 * same transaction as the sequence).
 */
final class WinBackJob {

    static final String NAME = "win-back";
    static final Duration INTERVAL = Duration.ofHours(1);
    static final String REMINDER = "win-back-reminder";
    static final String OFFER = "win-back-offer";
    static final int COUPON_ATTEMPTS = 5;
    static final Duration COUPON_RETRY = Duration.ofHours(1);
    private static final int PAGE = 500;
    static final int PICKS = 3;
    private static final int PAGES_PER_RUN = 20;

    void run(FeatureContext shop) {
        WinBackSettings settings = WinBackSettings.of(shop.settings());
        Instant now = shop.clock().instant();
        Sequences.of(shop).expire(now);
        for (WinBackSequencesRecord due : Sequences.of(shop).offersDue(now, PAGE)) {
            offer(shop, settings, due, now);
        }
        startLapsed(shop, settings, now);
    }

    private void startLapsed(FeatureContext shop, WinBackSettings settings, Instant now) {
        Instant cutoff = now.minus(Duration.ofDays(settings.lapsedDays()));
        String after = null;
        for (int page = 0; page < PAGES_PER_RUN; page++) {
            List<OrderHistory> histories = shop.orders().lastOrderedBefore(cutoff, after, PAGE);
            if (histories.isEmpty()) {
                return;
            }
            Set<String> blocked = Sequences.of(shop).blocked(
                    histories.stream().map(OrderHistory::customerId).toList(), now.minus(settings.cooldown()));
            for (OrderHistory history : histories) {
                LapseRule rule = LapseRule.of(history, settings);
                if (!blocked.contains(history.customerId()) && rule.lapsed(history, now) && consents(shop, history)) {
                    start(shop, settings, history, rule, now);
                }
            }
            if (histories.size() < PAGE) {
                return;
            }
            after = histories.getLast().customerId();
        }
    }

    private static boolean consents(FeatureContext shop, OrderHistory history) {
        return shop.notifier().consent(Recipient.customer(history.customerId()), Category.MARKETING)
                == ConsentState.GRANTED;
    }

    private static void start(FeatureContext shop, WinBackSettings settings, OrderHistory history, LapseRule rule,
                              Instant now) {
        shop.inTransaction(tx -> {
            if (Sequences.in(tx.dsl(), shop).start(history.customerId(), history.lastOrderAt(), rule.description(),
                    now, now.plus(settings.offerDelay()))) {
                shop.notifier().enqueue(Notification.to(Recipient.customer(history.customerId()))
                        .template(REMINDER)
                        .category(Category.MARKETING)
                        .data(Map.of("lastOrderOn", day(history.lastOrderAt())))
                        .dedupeKey(key(REMINDER, history.customerId(), history.lastOrderAt()))
                        .expiresAt(now.plus(settings.offerDelay()))
                        .build());
            }
            return null;
        });
    }

    private static void offer(FeatureContext shop, WinBackSettings settings, WinBackSequencesRecord sequence,
                              Instant now) {
        String customerId = sequence.getCustomerId();
        Coupon coupon;
        try {
            coupon = shop.platform().issueCoupon(new CouponRequest(customerId, CouponRequest.Kind.PERCENTAGE,
                    BigDecimal.valueOf(settings.couponPercent()), null, now.plus(settings.couponValidity()),
                    "Win-back offer"));
        } catch (PlatformException e) {
            boolean again = sequence.getCouponAttempts() + 1 < COUPON_ATTEMPTS;
            Sequences.of(shop).couponRefused(sequence.getId(), e.getMessage(), again ? now.plus(COUPON_RETRY) : null,
                    now);
            return;
        }
        Instant expiresAt = coupon.expiresAt() == null ? now.plus(settings.couponValidity()) : coupon.expiresAt();
        Instant lastOrderAt = Sequences.instant(sequence.getLastOrderAt());
        List<Map<String, Object>> picks = picks(shop, customerId);
        shop.inTransaction(tx -> {
            if (Sequences.in(tx.dsl(), shop).offered(sequence.getId(), coupon.code(), expiresAt, now)) {
                shop.notifier().enqueue(Notification.to(Recipient.customer(customerId))
                        .template(OFFER)
                        .category(Category.MARKETING)
                        .data(Map.of("couponCode", coupon.code(), "percentOff", settings.couponPercent(),
                                "expiresOn", day(expiresAt), "lastOrderOn", day(lastOrderAt),
                                "recommendations", picks))
                        .dedupeKey(key(OFFER, customerId, lastOrderAt))
                        .expiresAt(expiresAt)
                        .build());
            }
            return null;
        });
    }

    /**
     * Up to {@value #PICKS} products bought together with the customer's last order (in stock, not bought by them),
     * each with a link: the host tracks it.
     */
    private static List<Map<String, Object>> picks(FeatureContext shop, String customerId) {
        return shop.recommendations().forCustomer(customerId, PICKS).stream()
                .filter(variant -> variant.url() != null)
                .map(variant -> {
                    Map<String, Object> pick = new HashMap<>();
                    pick.put("name", variant.productName());
                    pick.put("variantName", variant.name());
                    pick.put("price", variant.price());
                    pick.put("url", variant.url());
                    pick.put("imageUrl", variant.imageUrl());
                    return pick;
                })
                .toList();
    }

    private static String key(String template, String customerId, Instant lastOrderAt) {
        return template + ":" + customerId + ":" + lastOrderAt.toEpochMilli();
    }

    private static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }
}
