package dev.aftersales.api.events;

/**
 * A customer's contribution (review, answer, question) passed moderation and is shown in the storefront now.
 * Published by content features (e.g. {@code reviews}) after their change committed; features that reward or count
 * contributions (e.g. {@code community-rewards}) listen to it without depending on the publisher's classes. It may
 * arrive more than once for the same {@code contentId} (re-approval after an edit): listeners key their effects by
 * {@code kind} and {@code contentId}. Since plugin API 1.1.
 *
 * <pre>{@code
 * // the reviews feature, after an operator approved review 42 of anna with two photos
 * shop.events().publish(new ContributionApproved(ContributionKind.REVIEW, "42", "anna", "boots", true, 2));
 * // a listener
 * wiring.listen(ContributionApproved.class, (shop, event) -> points.award(shop, event));
 * }</pre>
 *
 * @param kind          what was contributed
 * @param contentId     the publisher's id of the content, unique per kind and shop
 * @param customerId    the author, a customer of the shop
 * @param productId     the product it is about
 * @param verifiedBuyer whether the author bought the product (the publisher checked the order history)
 * @param photos        how many photos it carries (0 for none)
 */
public record ContributionApproved(ContributionKind kind, String contentId, String customerId, String productId,
                                   boolean verifiedBuyer, int photos) implements Event {
}
