package dev.aftersales.plugins.reviews;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.graphql.FieldCall;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Operator API ({@code admin.graphqls}): moderation queues and decisions, replies, Q&amp;A, the report. */
final class ReviewsAdmin {

    private static final int REPORT_PRODUCTS = 100;

    private final Moderation moderation;
    private final Questions questions;
    private final Satisfaction satisfaction;

    ReviewsAdmin(Moderation moderation, Questions questions, Satisfaction satisfaction) {
        this.moderation = moderation;
        this.questions = questions;
        this.satisfaction = satisfaction;
    }

    void register(Wiring wiring) {
        wiring.adminField("Shop", "reviews", call -> Map.of("verificationRule", Purchases.RULE));
        wiring.adminField("ReviewsAdmin", "queue", moderation::queue);
        wiring.adminField("ReviewsAdmin", "questions", questions::questionQueue);
        wiring.adminField("ReviewsAdmin", "answers", questions::answerQueue);
        wiring.adminField("ReviewsAdmin", "report", this::report);
        wiring.adminField("ReviewsAdmin", "nps", call -> satisfaction.report(call.shop(),
                call.<Instant>argument("from"), call.<Instant>argument("to")));
        wiring.adminField("Mutation", "reviewModerate", moderation::moderate);
        wiring.adminField("Mutation", "reviewReply", moderation::reply);
        wiring.adminField("Mutation", "productQuestionModerate", questions::moderateQuestion);
        wiring.adminField("Mutation", "productAnswerModerate", questions::moderateAnswer);
        wiring.adminField("Mutation", "productQuestionAnswerAsShop", questions::answerAsShop);
    }

    /** Requests sent in the period and how many were opened and answered; ratings per product. */
    private Map<String, Object> report(FieldCall call) {
        FeatureContext shop = call.shop();
        // the host's DateTime scalar gives the arguments as instants
        Instant from = call.argument("from");
        Instant to = call.argument("to");
        int[] funnel = RequestStore.of(shop).funnel(from, to);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("requestsSent", funnel[0]);
        report.put("requestsOpened", funnel[1]);
        report.put("requestsReviewed", funnel[2]);
        report.put("openRate", funnel[0] == 0 ? 0.0 : funnel[1] / (double) funnel[0]);
        report.put("reviewRate", funnel[0] == 0 ? 0.0 : funnel[2] / (double) funnel[0]);
        report.put("products", ReviewStore.of(shop).ratingsPerProduct(REPORT_PRODUCTS));
        return report;
    }
}
