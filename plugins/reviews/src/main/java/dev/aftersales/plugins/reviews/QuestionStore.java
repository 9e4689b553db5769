package dev.aftersales.plugins.reviews;

import static dev.aftersales.plugins.reviews.ReviewStore.instant;
import static dev.aftersales.plugins.reviews.ReviewStore.utc;
import static dev.aftersales.plugins.reviews.jooq.Tables.REVIEWS_ANSWER;
import static dev.aftersales.plugins.reviews.jooq.Tables.REVIEWS_QUESTION;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.plugins.reviews.jooq.tables.records.ReviewsAnswerRecord;
import dev.aftersales.plugins.reviews.jooq.tables.records.ReviewsQuestionRecord;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** SQL of product questions and their answers; always scoped to the shop. */
final class QuestionStore {

    private final DSLContext db;
    private final String shopId;

    private QuestionStore(DSLContext db, String shopId) {
        this.db = db;
        this.shopId = shopId;
    }

    static QuestionStore of(FeatureContext shop) {
        return new QuestionStore(shop.db(), shop.shopId());
    }

    static QuestionStore in(DSLContext tx, FeatureContext shop) {
        return new QuestionStore(tx, shop.shopId());
    }

    long ask(String productId, String customerId, String text, String status, Instant now) {
        db.insertInto(REVIEWS_QUESTION)
                .set(REVIEWS_QUESTION.SHOP_ID, shopId)
                .set(REVIEWS_QUESTION.PRODUCT_ID, productId)
                .set(REVIEWS_QUESTION.CUSTOMER_ID, customerId)
                .set(REVIEWS_QUESTION.BODY, text)
                .set(REVIEWS_QUESTION.STATUS, status)
                .set(REVIEWS_QUESTION.CREATED_AT, utc(now))
                .execute();
        return db.lastID().longValueExact();
    }

    long answer(Question question, String customerId, boolean fromShop, String text, String status, boolean verified,
                Instant now) {
        db.insertInto(REVIEWS_ANSWER)
                .set(REVIEWS_ANSWER.SHOP_ID, shopId)
                .set(REVIEWS_ANSWER.QUESTION_ID, question.key())
                .set(REVIEWS_ANSWER.PRODUCT_ID, question.productId())
                .set(REVIEWS_ANSWER.CUSTOMER_ID, customerId)
                .set(REVIEWS_ANSWER.FROM_SHOP, fromShop)
                .set(REVIEWS_ANSWER.BODY, text)
                .set(REVIEWS_ANSWER.STATUS, status)
                .set(REVIEWS_ANSWER.VERIFIED, verified)
                .set(REVIEWS_ANSWER.ACCEPTED, false)
                .set(REVIEWS_ANSWER.INCENTIVIZED, false)
                .set(REVIEWS_ANSWER.CREATED_AT, utc(now))
                .execute();
        return db.lastID().longValueExact();
    }

    Optional<Question> question(long id) {
        return db.selectFrom(REVIEWS_QUESTION).where(REVIEWS_QUESTION.SHOP_ID.eq(shopId).and(REVIEWS_QUESTION.ID.eq(id)))
                .fetchOptional().map(QuestionStore::question);
    }

    Optional<Answer> answer(long id) {
        return db.selectFrom(REVIEWS_ANSWER).where(REVIEWS_ANSWER.SHOP_ID.eq(shopId).and(REVIEWS_ANSWER.ID.eq(id)))
                .fetchOptional().map(QuestionStore::answer);
    }

    Optional<Answer> lockAnswer(long id) {
        return db.selectFrom(REVIEWS_ANSWER).where(REVIEWS_ANSWER.SHOP_ID.eq(shopId).and(REVIEWS_ANSWER.ID.eq(id)))
                .forUpdate().fetchOptional().map(QuestionStore::answer);
    }

    boolean questionStatus(long id, String status) {
        return db.update(REVIEWS_QUESTION).set(REVIEWS_QUESTION.STATUS, status)
                .where(REVIEWS_QUESTION.SHOP_ID.eq(shopId).and(REVIEWS_QUESTION.ID.eq(id))).execute() > 0;
    }

    void answerStatus(long id, String status) {
        db.update(REVIEWS_ANSWER).set(REVIEWS_ANSWER.STATUS, status)
                .where(REVIEWS_ANSWER.SHOP_ID.eq(shopId).and(REVIEWS_ANSWER.ID.eq(id))).execute();
    }

    void accept(long id) {
        db.update(REVIEWS_ANSWER).set(REVIEWS_ANSWER.ACCEPTED, true)
                .where(REVIEWS_ANSWER.SHOP_ID.eq(shopId).and(REVIEWS_ANSWER.ID.eq(id))).execute();
    }

    void incentivized(long id) {
        db.update(REVIEWS_ANSWER).set(REVIEWS_ANSWER.INCENTIVIZED, true)
                .where(REVIEWS_ANSWER.SHOP_ID.eq(shopId).and(REVIEWS_ANSWER.ID.eq(id))).execute();
    }

    /** A page of a product's approved questions that have an approved answer, newest first. */
    List<Question> answered(String productId, long beforeId, int limit) {
        return db.selectFrom(REVIEWS_QUESTION)
                .where(REVIEWS_QUESTION.SHOP_ID.eq(shopId).and(REVIEWS_QUESTION.PRODUCT_ID.eq(productId))
                        .and(REVIEWS_QUESTION.STATUS.eq(ReviewStore.APPROVED)).and(REVIEWS_QUESTION.ID.lt(beforeId))
                        .and(DSL.exists(DSL.selectOne().from(REVIEWS_ANSWER)
                                .where(REVIEWS_ANSWER.SHOP_ID.eq(shopId)
                                        .and(REVIEWS_ANSWER.QUESTION_ID.eq(REVIEWS_QUESTION.ID))
                                        .and(REVIEWS_ANSWER.STATUS.eq(ReviewStore.APPROVED))))))
                .orderBy(REVIEWS_QUESTION.ID.desc()).limit(limit).fetch(QuestionStore::question);
    }

    /** Approved answers of many questions in one statement: accepted first, then the shop's, then verified buyers'. */
    Map<Long, List<Answer>> approvedAnswers(Collection<Long> questionIds) {
        return db.selectFrom(REVIEWS_ANSWER)
                .where(REVIEWS_ANSWER.SHOP_ID.eq(shopId).and(REVIEWS_ANSWER.QUESTION_ID.in(questionIds))
                        .and(REVIEWS_ANSWER.STATUS.eq(ReviewStore.APPROVED)))
                .orderBy(REVIEWS_ANSWER.ACCEPTED.desc(), REVIEWS_ANSWER.FROM_SHOP.desc(), REVIEWS_ANSWER.VERIFIED.desc(),
                        REVIEWS_ANSWER.ID)
                .fetch(QuestionStore::answer).stream()
                .collect(Collectors.groupingBy(Answer::questionKey, Collectors.toList()));
    }

    List<Question> questionsWithStatus(String status, long afterId, int limit) {
        return db.selectFrom(REVIEWS_QUESTION)
                .where(REVIEWS_QUESTION.SHOP_ID.eq(shopId).and(REVIEWS_QUESTION.STATUS.eq(status))
                        .and(REVIEWS_QUESTION.ID.gt(afterId)))
                .orderBy(REVIEWS_QUESTION.ID).limit(limit).fetch(QuestionStore::question);
    }

    List<Answer> answersWithStatus(String status, long afterId, int limit) {
        return db.selectFrom(REVIEWS_ANSWER)
                .where(REVIEWS_ANSWER.SHOP_ID.eq(shopId).and(REVIEWS_ANSWER.STATUS.eq(status))
                        .and(REVIEWS_ANSWER.ID.gt(afterId)))
                .orderBy(REVIEWS_ANSWER.ID).limit(limit).fetch(QuestionStore::answer);
    }

    List<Question> questionsOf(String customerId) {
        return db.selectFrom(REVIEWS_QUESTION)
                .where(REVIEWS_QUESTION.SHOP_ID.eq(shopId).and(REVIEWS_QUESTION.CUSTOMER_ID.eq(customerId)))
                .orderBy(REVIEWS_QUESTION.ID).fetch(QuestionStore::question);
    }

    List<Answer> answersOf(String customerId) {
        return db.selectFrom(REVIEWS_ANSWER)
                .where(REVIEWS_ANSWER.SHOP_ID.eq(shopId).and(REVIEWS_ANSWER.CUSTOMER_ID.eq(customerId)))
                .orderBy(REVIEWS_ANSWER.ID).fetch(QuestionStore::answer);
    }

    /** Erasure: questions and answers lose the author's id, or go (answers to the customer's questions too). */
    void erase(String customerId, boolean anonymise) {
        if (anonymise) {
            db.update(REVIEWS_QUESTION).setNull(REVIEWS_QUESTION.CUSTOMER_ID)
                    .where(REVIEWS_QUESTION.SHOP_ID.eq(shopId).and(REVIEWS_QUESTION.CUSTOMER_ID.eq(customerId)))
                    .execute();
            db.update(REVIEWS_ANSWER).setNull(REVIEWS_ANSWER.CUSTOMER_ID)
                    .where(REVIEWS_ANSWER.SHOP_ID.eq(shopId).and(REVIEWS_ANSWER.CUSTOMER_ID.eq(customerId)))
                    .execute();
            return;
        }
        db.deleteFrom(REVIEWS_ANSWER).where(REVIEWS_ANSWER.SHOP_ID.eq(shopId).and(REVIEWS_ANSWER.QUESTION_ID.in(
                DSL.select(REVIEWS_QUESTION.ID).from(REVIEWS_QUESTION)
                        .where(REVIEWS_QUESTION.SHOP_ID.eq(shopId).and(REVIEWS_QUESTION.CUSTOMER_ID.eq(customerId))))))
                .execute();
        db.deleteFrom(REVIEWS_ANSWER)
                .where(REVIEWS_ANSWER.SHOP_ID.eq(shopId).and(REVIEWS_ANSWER.CUSTOMER_ID.eq(customerId))).execute();
        db.deleteFrom(REVIEWS_QUESTION)
                .where(REVIEWS_QUESTION.SHOP_ID.eq(shopId).and(REVIEWS_QUESTION.CUSTOMER_ID.eq(customerId))).execute();
    }

    static Question question(ReviewsQuestionRecord row) {
        return new Question(row.getId(), row.getProductId(), row.getCustomerId(), row.getBody(), row.getStatus(),
                instant(row.getCreatedAt()));
    }

    static Answer answer(ReviewsAnswerRecord row) {
        return new Answer(row.getId(), row.getQuestionId(), row.getProductId(), row.getCustomerId(), row.getFromShop(),
                row.getBody(), row.getStatus(), row.getVerified(), row.getAccepted(), row.getIncentivized(),
                instant(row.getCreatedAt()));
    }
}
