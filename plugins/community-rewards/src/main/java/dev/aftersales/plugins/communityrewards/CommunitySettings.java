package dev.aftersales.plugins.communityrewards;

import dev.aftersales.api.events.ContributionKind;
import dev.aftersales.api.settings.Settings;
import dev.aftersales.api.settings.SettingsSpec;

/**
 * Points per kind of contribution and the limits, for one shop.
 *
 * @param reviewPoints  per approved review
 * @param photoBonus    extra for an approved review with photos
 * @param answerPoints  per accepted answer
 * @param weeklyCap     most points a customer earns from contributions per week (Monday to Sunday in the shop's
 *                      time zone); 0 for no cap
 * @param purchasedOnly only contributions about products the author bought earn points
 */
record CommunitySettings(long reviewPoints, long photoBonus, long answerPoints, long weeklyCap,
                         boolean purchasedOnly) {

    static final SettingsSpec SPEC = SettingsSpec.builder()
            .integer("reviewPoints", 50, 0, 100_000, "Points per approved review")
            .integer("photoBonus", 20, 0, 100_000, "Extra points for an approved review with photos")
            .integer("answerPoints", 20, 0, 100_000, "Points per accepted answer to another customer's question")
            .integer("weeklyCap", 200, 0, 1_000_000,
                    "Most points a customer earns from contributions per week (Monday to Sunday, shop time); 0: no cap")
            .bool("purchasedOnly", true, "Only contributions about products the author bought earn points")
            .build();

    static CommunitySettings of(Settings settings) {
        return new CommunitySettings(settings.integer("reviewPoints"), settings.integer("photoBonus"),
                settings.integer("answerPoints"), settings.integer("weeklyCap"), settings.bool("purchasedOnly"));
    }

    long pointsFor(ContributionKind kind) {
        return switch (kind) {
            case REVIEW -> reviewPoints;
            case PHOTO -> photoBonus;
            case ANSWER -> answerPoints;
            case QUESTION -> 0;
        };
    }

    /** What the cap leaves of {@code points} after {@code used} points this week. */
    long grant(long points, long used) {
        return weeklyCap == 0 ? points : Math.max(0, Math.min(points, weeklyCap - used));
    }
}
