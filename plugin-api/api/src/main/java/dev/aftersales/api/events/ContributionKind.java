package dev.aftersales.api.events;

/**
 * What a customer contributed to a shop's community, in {@link ContributionApproved}, {@link ContributionRemoved}
 * and {@link ContributionRewarded}. Since plugin API 1.1.
 *
 * <pre>{@code
 * shop.events().publish(new ContributionApproved(ContributionKind.REVIEW, reviewId, "anna", "boots", true, 2));
 * }</pre>
 */
public enum ContributionKind {
    /** A product review (rating and text). */
    REVIEW,
    /** Photos of a product, e.g. attached to a review; rewarded as a bonus of their own. */
    PHOTO,
    /** An answer to another customer's product question, accepted as helpful. */
    ANSWER,
    /** A question about a product. */
    QUESTION
}
