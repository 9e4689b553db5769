package dev.aftersales.api.events;

/**
 * A contribution earned its author something (points): the content feature marks it as <em>incentivized</em>, which
 * consumer law asks shops to disclose next to the review. Published by rewarding features (e.g.
 * {@code community-rewards}) after the booking committed. Since plugin API 1.1.
 *
 * <pre>{@code
 * shop.events().publish(new ContributionRewarded(ContributionKind.REVIEW, "42", "anna", 50));
 * }</pre>
 *
 * @param kind       what was rewarded
 * @param contentId  the content feature's id of it
 * @param customerId the author
 * @param points     what the author received for it
 */
public record ContributionRewarded(ContributionKind kind, String contentId, String customerId, long points)
        implements Event {
}
