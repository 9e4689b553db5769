package dev.aftersales.plugins.loyalty;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.notify.Category;
import dev.aftersales.api.notify.Notification;
import dev.aftersales.api.notify.Recipient;
import dev.aftersales.api.rewards.RewardsBalance;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Expiry of points after {@code expiryMonths} without activity (earning, spending or a correction; points becoming
 * available is no activity). A warning mail goes out {@code expiryWarningDays} before, a last-chance mail
 * {@code expiryLastChanceDays} before, both as reminders through the notifier (consent, caps and quiet hours apply);
 * each once per period of inactivity (dedupe key on the last activity). Then every available point expires in one
 * ledger entry. Any activity starts the period again.
 */
final class PointsExpiry {

    static final String JOB = "points-expiry";
    static final Duration INTERVAL = Duration.ofHours(1);
    static final String WARNING = "points-expiry-warning";
    static final String LAST_CHANCE = "points-last-chance";
    private static final int BATCH = 500;

    void run(FeatureContext shop) {
        LoyaltySettings settings = LoyaltySettings.of(shop.settings());
        if (settings.expiryMonths() == 0) {
            return;
        }
        Instant now = shop.clock().instant();
        Instant horizon = now.atZone(ZoneOffset.UTC).minusMonths(settings.expiryMonths())
                .plusDays(settings.warningDays()).toInstant();
        for (RewardsBalance dormant : shop.rewards().inactiveSince(horizon, BATCH)) {
            Instant lastActivity = dormant.lastActivityAt();
            Instant expiresAt = expiresAt(lastActivity, settings);
            String period = dormant.customerId() + ":" + lastActivity.toEpochMilli();
            if (!now.isBefore(expiresAt)) {
                shop.rewards().expire(dormant.customerId(), "Expired after " + settings.expiryMonths()
                        + " months without activity", "loyalty:expiry:" + period);
            } else if (!now.isBefore(expiresAt.minus(Duration.ofDays(settings.lastChanceDays())))) {
                mail(shop, LAST_CHANCE, dormant, expiresAt, period);
            } else {
                mail(shop, WARNING, dormant, expiresAt, period);
            }
        }
    }

    static Instant expiresAt(Instant lastActivity, LoyaltySettings settings) {
        return lastActivity.atZone(ZoneOffset.UTC).plusMonths(settings.expiryMonths()).toInstant();
    }

    /** The templates format the number and the date for the recipient's locale (the host renders in it). */
    private static void mail(FeatureContext shop, String template, RewardsBalance dormant, Instant expiresAt,
                             String period) {
        shop.notifier().enqueue(Notification.to(Recipient.customer(dormant.customerId()))
                .template(template)
                .category(Category.REMINDER)
                .data(Map.of("points", dormant.available(),
                        "expiresOn", LocalDate.ofInstant(expiresAt, ZoneOffset.UTC).toString()))
                .dedupeKey("loyalty:" + template + ":" + period)
                .expiresAt(expiresAt)
                .build());
    }
}
