package dev.aftersales.plugins.reviews;

import static dev.aftersales.plugins.reviews.ReviewStore.utc;
import static dev.aftersales.plugins.reviews.jooq.Tables.REVIEWS_NPS;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.graphql.FieldCall;
import dev.aftersales.api.graphql.UserError;
import dev.aftersales.plugins.reviews.jooq.tables.records.ReviewsRequestRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Condition;
import org.jooq.Record3;
import org.jooq.impl.DSL;

/**
 * The satisfaction question a review request may ask first ("How likely are you to recommend us?", 0–10), and its
 * results for operators: the Net Promoter Score (promoters 9–10 minus detractors 0–6, in percent of the answers) and
 * the response rate, for a period and per product.
 */
final class Satisfaction {

    static final int MAX_COMMENT = 2000;

    /** {@code reviewRequestNpsAnswer}: once per request; the score counts for every product the request asked about. */
    Map<String, Object> answer(FieldCall call) {
        FeatureContext shop = call.shop();
        Map<String, Object> input = call.input();
        Object scoreValue = input.get("score");
        int score = scoreValue instanceof Number number ? number.intValue() : -1;
        String comment = input.get("comment") == null ? null : input.get("comment").toString().strip();
        List<UserError> errors = new ArrayList<>();
        if (score < 0 || score > 10) {
            errors.add(UserError.of(ReviewErrors.INVALID_SCORE, "The score must be a whole number from 0 to 10",
                    "input", "score"));
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            errors.add(UserError.of(ReviewErrors.INVALID, "The comment may have at most " + MAX_COMMENT
                    + " characters", "input", "comment"));
        }
        Optional<ReviewsRequestRecord> request = ReviewWriting.validRequest(shop, String.valueOf(input.get("token")));
        if (errors.isEmpty() && request.isEmpty()) {
            errors.add(UserError.of(ReviewErrors.INVALID_TOKEN, "The review link is invalid or has expired", "input",
                    "token"));
        }
        if (errors.isEmpty() && !ReviewsSettings.of(shop.settings()).npsQuestion()) {
            errors.add(UserError.of(ReviewErrors.INVALID, "This shop asks no satisfaction question", "input",
                    "score"));
        }
        if (!errors.isEmpty()) {
            return payload(false, errors);
        }
        ReviewsRequestRecord asked = request.get();
        boolean stored = shop.inTransaction(tx -> {
            DSLContext db = tx.dsl();
            if (db.fetchExists(REVIEWS_NPS, REVIEWS_NPS.SHOP_ID.eq(shop.shopId())
                    .and(REVIEWS_NPS.ORDER_ID.eq(asked.getOrderId())))) {
                return false;
            }
            Instant now = shop.clock().instant();
            List<String> productIds = RequestStore.productIds(asked);
            for (String productId : productIds) {
                // a concurrent double click hits the unique key: the transaction runs again and finds the answer
                db.insertInto(REVIEWS_NPS)
                        .set(REVIEWS_NPS.SHOP_ID, shop.shopId())
                        .set(REVIEWS_NPS.ORDER_ID, asked.getOrderId())
                        .set(REVIEWS_NPS.PRODUCT_ID, productId)
                        .set(REVIEWS_NPS.CUSTOMER_ID, asked.getCustomerId())
                        .set(REVIEWS_NPS.SCORE, score)
                        .set(REVIEWS_NPS.FIRST_PRODUCT, productId.equals(productIds.getFirst()))
                        .set(REVIEWS_NPS.COMMENT, comment == null || comment.isEmpty() ? null : comment)
                        .set(REVIEWS_NPS.ANSWERED_AT, utc(now))
                        .execute();
            }
            return true;
        });
        return stored ? payload(true, List.of()) : payload(false, List.of(UserError.of(ReviewErrors.ALREADY_ANSWERED,
                "This request's question was answered already", "input", "token")));
    }

    /** Results of the answers given in {@code [from, to)}; the response rate against requests sent then. */
    Map<String, Object> report(FeatureContext shop, Instant from, Instant to) {
        var inPeriod = REVIEWS_NPS.SHOP_ID.eq(shop.shopId()).and(REVIEWS_NPS.ANSWERED_AT.ge(utc(from)))
                .and(REVIEWS_NPS.ANSWERED_AT.lt(utc(to)));
        DSLContext db = shop.db();
        // one answer per request: the totals count its first product's row only
        var first = REVIEWS_NPS.FIRST_PRODUCT.isTrue();
        var total = db.select(DSL.count(DSL.when(first, DSL.inline(1))), promoters(first), detractors(first))
                .from(REVIEWS_NPS).where(inPeriod).fetchSingle();
        int sent = RequestStore.of(shop).funnel(from, to)[0];
        Map<String, Object> report = scores(total);
        report.put("requestsSent", sent);
        report.put("responseRate", sent == 0 ? 0.0 : Math.min(1.0, total.value1() / (double) sent));
        List<Map<String, Object>> products = new ArrayList<>();
        db.select(REVIEWS_NPS.PRODUCT_ID, DSL.count(), promoters(DSL.trueCondition()),
                        detractors(DSL.trueCondition()))
                .from(REVIEWS_NPS).where(inPeriod).groupBy(REVIEWS_NPS.PRODUCT_ID)
                .orderBy(DSL.count().desc(), REVIEWS_NPS.PRODUCT_ID).limit(100)
                .forEach(row -> {
                    Map<String, Object> product = new HashMap<>();
                    product.put("productId", row.value1());
                    product.put("responses", row.value2());
                    product.put("nps", nps(row.value3(), row.value4(), row.value2()));
                    products.add(product);
                });
        report.put("products", products);
        return report;
    }

    private static Map<String, Object> scores(Record3<Integer, Integer, Integer> total) {
        Map<String, Object> report = new HashMap<>();
        report.put("responses", total.value1());
        report.put("promoters", total.value2());
        report.put("detractors", total.value3());
        report.put("nps", nps(total.value2(), total.value3(), total.value1()));
        return report;
    }

    private static Field<Integer> promoters(Condition counted) {
        return DSL.count(DSL.when(counted.and(REVIEWS_NPS.SCORE.ge(9)), DSL.inline(1)));
    }

    private static Field<Integer> detractors(Condition counted) {
        return DSL.count(DSL.when(counted.and(REVIEWS_NPS.SCORE.le(6)), DSL.inline(1)));
    }

    /** Promoters minus detractors in percent of the responses, null without responses. */
    static Double nps(int promoters, int detractors, int responses) {
        return responses == 0 ? null : Math.round((promoters - detractors) * 1000.0 / responses) / 10.0;
    }

    List<Map<String, Object>> ofCustomer(FeatureContext shop, String customerId) {
        return shop.db().selectFrom(REVIEWS_NPS)
                .where(REVIEWS_NPS.SHOP_ID.eq(shop.shopId()).and(REVIEWS_NPS.CUSTOMER_ID.eq(customerId)))
                .orderBy(REVIEWS_NPS.ID)
                .fetch(row -> {
                    Map<String, Object> answer = new HashMap<>();
                    answer.put("orderId", row.getOrderId());
                    answer.put("productId", row.getProductId());
                    answer.put("score", row.getScore());
                    answer.put("comment", row.getComment());
                    answer.put("answeredAt", ReviewStore.instant(row.getAnsweredAt()).toString());
                    return answer;
                });
    }

    /** Erasure: the score stays for the statistics without who gave it, or the answer goes. */
    static void erase(DSLContext db, String shopId, String customerId, boolean anonymise) {
        var ofCustomer = REVIEWS_NPS.SHOP_ID.eq(shopId).and(REVIEWS_NPS.CUSTOMER_ID.eq(customerId));
        if (anonymise) {
            db.update(REVIEWS_NPS).setNull(REVIEWS_NPS.CUSTOMER_ID).setNull(REVIEWS_NPS.ORDER_ID)
                    .setNull(REVIEWS_NPS.COMMENT).where(ofCustomer).execute();
        } else {
            db.deleteFrom(REVIEWS_NPS).where(ofCustomer).execute();
        }
    }

    private static Map<String, Object> payload(boolean recorded, List<UserError> errors) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("recorded", recorded);
        payload.put("userErrors", errors);
        return payload;
    }
}
