package dev.aftersales.plugins.reviews;

import dev.aftersales.api.Feature;
import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.FeatureDescriptor;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.events.ContributionKind;
import dev.aftersales.api.events.ContributionRewarded;
import dev.aftersales.api.events.CustomerDeleted;
import dev.aftersales.api.events.OrderReturned;
import dev.aftersales.api.events.OrderStatusChanged;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Product reviews owned by this service, for headless shops.
 * <ul>
 *   <li>{@link ReviewWriting} — write, replace, vote, open a request's link; {@link ReviewFetchers} — product page;</li>
 *   <li>{@link ReviewRequests} — requests after delivery and their reminders; {@link Moderation},
 *       {@link ReviewsAdmin} — the operator API; {@link Questions} — questions and answers;</li>
 *   <li>{@link ReviewStore}, {@link RequestStore}, {@link QuestionStore} — all SQL, always scoped to the shop.</li>
 * </ul>
 * Approved and removed contributions are announced as plugin-API events, so rewarding features need none of these
 * classes; a {@link ContributionRewarded} marks the content as incentivized.
 */
@Extension
public class ReviewsFeature implements Feature {

    public static final String ID = "reviews";

    private final ReviewWriting writing = new ReviewWriting();
    private final ReviewRequests requests = new ReviewRequests();
    private final Questions questions = new Questions();
    private final ReviewFetchers fetchers = new ReviewFetchers(questions);
    private final Satisfaction satisfaction = new Satisfaction();
    private final ReviewsAdmin admin = new ReviewsAdmin(new Moderation(), questions, satisfaction);
    private final ReviewsPrivacy privacy = new ReviewsPrivacy(satisfaction);

    @Override
    public FeatureDescriptor descriptor() {
        return new FeatureDescriptor(ID, "Reviews",
                "Product reviews with verified buyers and moderation, review requests after delivery, questions "
                        + "and answers.", ReviewsSettings.SPEC);
    }

    @Override
    public void register(Wiring wiring) {
        fetchers.register(wiring);
        admin.register(wiring);
        wiring.mutation("reviewSubmit", writing::submit);
        wiring.mutation("reviewUpdate", writing::update);
        wiring.mutation("reviewHelpfulVote", writing::vote);
        wiring.mutation("reviewRequestOpen", writing::open);
        wiring.mutation("reviewRequestNpsAnswer", satisfaction::answer);
        wiring.mutation("productQuestionAsk", questions::ask);
        wiring.mutation("productQuestionAnswer", questions::answer);
        wiring.mutation("productAnswerAccept", questions::accept);
        wiring.listen(OrderStatusChanged.class, requests::onStatusChanged);
        wiring.listen(OrderReturned.class, requests::onReturned);
        wiring.listen(ContributionRewarded.class, ReviewsFeature::incentivized);
        wiring.listen(CustomerDeleted.class, (shop, event) -> privacy.erase(shop, event.customerId()));
        wiring.job(ReviewRequests.JOB, ReviewRequests.INTERVAL, requests::run);
    }

    /** Content that earned its author points is flagged, as consumer law asks shops to disclose. */
    private static void incentivized(FeatureContext shop, ContributionRewarded event) {
        long id;
        try {
            id = Long.parseLong(event.contentId());
        } catch (NumberFormatException e) {
            return; // another content feature's id
        }
        if (event.kind() == ContributionKind.REVIEW || event.kind() == ContributionKind.PHOTO) {
            ReviewStore.of(shop).incentivized(id);
        } else if (event.kind() == ContributionKind.ANSWER) {
            QuestionStore.of(shop).incentivized(id);
        }
    }

    @Override
    public Map<String, Object> export(FeatureContext shop, String customerId) {
        return privacy.export(shop, customerId);
    }

    @Override
    public void erase(FeatureContext shop, String customerId) {
        privacy.erase(shop, customerId);
    }
}
