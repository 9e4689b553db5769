package dev.aftersales.api.events;

/**
 * A contribution that was approved before is no longer shown: removed or rejected by the shop, or withdrawn. Features
 * that rewarded it take their reward back (e.g. {@code community-rewards} reverses the points). Published after the
 * publisher's change committed; a removal of content that was never rewarded changes nothing. Since plugin API 1.1.
 *
 * <pre>{@code
 * shop.events().publish(new ContributionRemoved(ContributionKind.REVIEW, "42", "anna", "boots"));
 * }</pre>
 *
 * @param kind       what was contributed
 * @param contentId  the publisher's id of the content
 * @param customerId the author
 * @param productId  the product it is about
 */
public record ContributionRemoved(ContributionKind kind, String contentId, String customerId, String productId)
        implements Event {
}
