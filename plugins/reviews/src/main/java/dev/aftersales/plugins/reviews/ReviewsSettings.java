package dev.aftersales.plugins.reviews;

import dev.aftersales.api.settings.Settings;
import dev.aftersales.api.settings.SettingsSpec;
import java.time.Duration;

/**
 * The operator's settings of reviews for one shop.
 *
 * @param buyersOnly          only customers who bought the product may review it
 * @param autoApprove         approve at once what passes the rule (verified, rating, no link), else wait for moderation
 * @param autoApproveMinRating the lowest rating auto-approval accepts
 * @param maxPhotos           photo URLs a review may carry
 * @param requestDelay        how long after delivery the request goes out
 * @param requestValidity     how long a request (its link) is valid; a request not sent by then is never sent
 * @param maxProducts         products asked about per request
 * @param reminderInterval    pause before each reminder
 * @param maxReminders        reminders per request (0 to 3), only after the request was opened
 * @param reviewPageUrl       the storefront's review page; the link adds {@code token=...}
 * @param anonymiseOnErase    keep an erased customer's reviews without their name and id instead of deleting them
 * @param npsQuestion         the review page asks the 0–10 satisfaction question first
 */
record ReviewsSettings(boolean buyersOnly, boolean autoApprove, int autoApproveMinRating, int maxPhotos,
                       Duration requestDelay, Duration requestValidity, int maxProducts, Duration reminderInterval,
                       int maxReminders, String reviewPageUrl, boolean anonymiseOnErase, boolean npsQuestion) {

    static final SettingsSpec SPEC = SettingsSpec.builder()
            .bool("buyersOnly", false, "Only customers who bought a product (order history) may review it")
            .bool("autoApprove", false,
                    "Approve reviews at once that are by verified buyers, rate at least autoApproveMinRating and "
                            + "contain no link; all others wait for moderation")
            .integer("autoApproveMinRating", 3, 1, 5, "The lowest rating auto-approval accepts")
            .integer("maxPhotos", 5, 0, 20, "Photo URLs (http or https) a review may carry")
            .integer("requestDelayDays", 14, 0, 180, "Days after delivery the review request is sent")
            .integer("requestValidityDays", 60, 1, 365,
                    "Days after it is due that a request and its link stay valid; a request not sent by then is dropped")
            .integer("requestMaxProducts", 3, 1, 10, "Products of an order a request asks about")
            .integer("reminderDays", 7, 1, 60, "Days before each reminder of a request that was opened but not answered")
            .integer("maxReminders", 1, 0, 3, "Reminders per request, sent only when the request was opened")
            .string("reviewPageUrl", "https://shop.example/review", 500,
                    "The storefront page that shows the review form; the request's link adds ?token=...")
            .bool("anonymiseOnErase", true,
                    "When a customer is erased, keep their reviews and answers without name and id (else delete them)")
            .bool("npsQuestion", false,
                    "The review page asks first how likely the customer is to recommend the shop (0-10, NPS)")
            .build();

    static ReviewsSettings of(Settings settings) {
        return new ReviewsSettings(settings.bool("buyersOnly"), settings.bool("autoApprove"),
                settings.integer("autoApproveMinRating"), settings.integer("maxPhotos"),
                Duration.ofDays(settings.integer("requestDelayDays")),
                Duration.ofDays(settings.integer("requestValidityDays")), settings.integer("requestMaxProducts"),
                Duration.ofDays(settings.integer("reminderDays")), settings.integer("maxReminders"),
                settings.string("reviewPageUrl"), settings.bool("anonymiseOnErase"), settings.bool("npsQuestion"));
    }
}
