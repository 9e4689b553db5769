package dev.aftersales.plugins.reviews;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.events.ContributionApproved;
import dev.aftersales.api.events.ContributionKind;
import dev.aftersales.api.events.ContributionRemoved;
import dev.aftersales.api.graphql.Connection;
import dev.aftersales.api.graphql.FieldCall;
import dev.aftersales.api.graphql.GlobalId;
import dev.aftersales.api.graphql.UserError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Product questions and answers: customers ask, other customers (verified buyers first) and the shop answer, the
 * asker accepts the helpful answer. Moderated like reviews; the auto-approval rule (no link, and for answers a
 * verified buyer) applies when the shop switched it on.
 */
final class Questions {

    static final int MIN_TEXT = 3;
    static final int MAX_TEXT = 2000;
    private static final Set<String> DECISIONS = Set.of(ReviewStore.APPROVED, ReviewStore.REJECTED, ReviewStore.REMOVED);

    Map<String, Object> ask(FieldCall call) {
        FeatureContext shop = call.shop();
        String customerId = call.viewer().requireCustomer();
        String productId = String.valueOf(call.input().get("productId"));
        Optional<UserError> invalid = textError(call.input().get("text"));
        if (invalid.isPresent()) {
            return payload("question", null, invalid.get());
        }
        if (shop.catalog().variantsOfProduct(productId).isEmpty()) {
            return payload("question", null, UserError.of(ReviewErrors.NOT_FOUND, "No such product", "input",
                    "productId"));
        }
        String text = call.input().get("text").toString().strip();
        String status = ReviewsSettings.of(shop.settings()).autoApprove() && !HttpUrls.containsLink(text)
                ? ReviewStore.APPROVED : ReviewStore.PENDING;
        Question question = shop.inTransaction(tx -> {
            QuestionStore questions = QuestionStore.in(tx.dsl(), shop);
            long id = questions.ask(productId, customerId, text, status, shop.clock().instant());
            return questions.question(id).orElseThrow();
        });
        return payload("question", question, null);
    }

    Map<String, Object> answer(FieldCall call) {
        FeatureContext shop = call.shop();
        String customerId = call.viewer().requireCustomer();
        Optional<UserError> invalid = textError(call.input().get("text"));
        if (invalid.isPresent()) {
            return payload("answer", null, invalid.get());
        }
        Optional<Question> question = approvedQuestion(shop, call.input().get("questionId"));
        if (question.isEmpty()) {
            return payload("answer", null, UserError.of(ReviewErrors.NOT_FOUND, "No such question", "input",
                    "questionId"));
        }
        String text = call.input().get("text").toString().strip();
        boolean verified = Purchases.of(shop, customerId, question.get().productId()).isPresent();
        String status = ReviewsSettings.of(shop.settings()).autoApprove() && verified && !HttpUrls.containsLink(text)
                ? ReviewStore.APPROVED : ReviewStore.PENDING;
        Answer answer = shop.inTransaction(tx -> {
            QuestionStore questions = QuestionStore.in(tx.dsl(), shop);
            long id = questions.answer(question.get(), customerId, false, text, status, verified,
                    shop.clock().instant());
            return questions.answer(id).orElseThrow();
        });
        return payload("answer", answer, null);
    }

    /** The asker marks an approved answer as the helpful one; a customer's accepted answer counts as a contribution. */
    Map<String, Object> accept(FieldCall call) {
        FeatureContext shop = call.shop();
        String customerId = call.viewer().requireCustomer();
        Optional<Answer> answer = GlobalId.decodeLong(Answer.TYPE, String.valueOf(call.input().get("answerId")))
                .flatMap(id -> QuestionStore.of(shop).answer(id))
                .filter(found -> ReviewStore.APPROVED.equals(found.status()));
        Optional<Question> question = answer.flatMap(found -> QuestionStore.of(shop).question(found.questionKey()));
        if (question.isEmpty()) {
            return payload("answer", null, UserError.of(ReviewErrors.NOT_FOUND, "No such answer", "input",
                    "answerId"));
        }
        if (!customerId.equals(question.get().customerId())) {
            return payload("answer", null, UserError.of(ReviewErrors.NOT_ASKER,
                    "Only the customer who asked may accept an answer", "input", "answerId"));
        }
        return acceptAnswer(shop, answer.get());
    }

    Map<String, Object> acceptAnswer(FeatureContext shop, Answer answer) {
        Answer accepted = shop.inTransaction(tx -> {
            QuestionStore questions = QuestionStore.in(tx.dsl(), shop);
            questions.lockAnswer(answer.key());
            questions.accept(answer.key());
            return questions.answer(answer.key()).orElseThrow();
        });
        if (!answer.accepted() && accepted.customerId() != null) {
            shop.events().publish(new ContributionApproved(ContributionKind.ANSWER, String.valueOf(accepted.key()),
                    accepted.customerId(), accepted.productId(), accepted.verifiedBuyer(), 0));
        }
        return payload("answer", accepted, null);
    }

    /** Operator: the shop's own answer, shown at once. */
    Map<String, Object> answerAsShop(FieldCall call) {
        FeatureContext shop = call.shop();
        Optional<UserError> invalid = textError(call.input().get("text"));
        if (invalid.isPresent()) {
            return payload("answer", null, invalid.get());
        }
        Optional<Question> question = GlobalId.decodeLong(Question.TYPE, String.valueOf(call.input().get("questionId")))
                .flatMap(id -> QuestionStore.of(shop).question(id));
        if (question.isEmpty()) {
            return payload("answer", null, UserError.of(ReviewErrors.NOT_FOUND, "No such question", "input",
                    "questionId"));
        }
        String text = call.input().get("text").toString().strip();
        Answer answer = shop.inTransaction(tx -> {
            QuestionStore questions = QuestionStore.in(tx.dsl(), shop);
            questions.questionStatus(question.get().key(), ReviewStore.APPROVED);
            long id = questions.answer(question.get(), null, true, text, ReviewStore.APPROVED, false,
                    shop.clock().instant());
            return questions.answer(id).orElseThrow();
        });
        return payload("answer", answer, null);
    }

    Map<String, Object> moderateQuestion(FieldCall call) {
        FeatureContext shop = call.shop();
        String decision = String.valueOf(call.input().get("status"));
        if (!DECISIONS.contains(decision)) {
            return payload("question", null, decisionError());
        }
        Optional<Long> id = GlobalId.decodeLong(Question.TYPE, String.valueOf(call.input().get("questionId")));
        Question question = id.map(key -> shop.inTransaction(tx -> {
            QuestionStore questions = QuestionStore.in(tx.dsl(), shop);
            return questions.questionStatus(key, decision) ? questions.question(key).orElseThrow() : null;
        })).orElse(null);
        return question == null
                ? payload("question", null, UserError.of(ReviewErrors.NOT_FOUND, "No such question", "input",
                        "questionId"))
                : payload("question", question, null);
    }

    Map<String, Object> moderateAnswer(FieldCall call) {
        FeatureContext shop = call.shop();
        String decision = String.valueOf(call.input().get("status"));
        if (!DECISIONS.contains(decision)) {
            return payload("answer", null, decisionError());
        }
        Optional<Long> id = GlobalId.decodeLong(Answer.TYPE, String.valueOf(call.input().get("answerId")));
        Answer answer = id.map(key -> shop.inTransaction(tx -> {
            QuestionStore questions = QuestionStore.in(tx.dsl(), shop);
            if (questions.lockAnswer(key).isEmpty()) {
                return null;
            }
            questions.answerStatus(key, decision);
            return questions.answer(key).orElseThrow();
        })).orElse(null);
        if (answer == null) {
            return payload("answer", null, UserError.of(ReviewErrors.NOT_FOUND, "No such answer", "input",
                    "answerId"));
        }
        if (!ReviewStore.APPROVED.equals(decision) && answer.accepted() && answer.customerId() != null) {
            shop.events().publish(new ContributionRemoved(ContributionKind.ANSWER, String.valueOf(answer.key()),
                    answer.customerId(), answer.productId()));
        }
        return payload("answer", answer, null);
    }

    /** A product's answered questions, newest first. */
    Connection<Question> answered(FieldCall call, String productId) {
        long before = call.page().after().map(Long::parseLong).orElse(Long.MAX_VALUE);
        return Connection.of(QuestionStore.of(call.shop()).answered(productId, before, call.page().first() + 1),
                call.page(), question -> String.valueOf(question.key()));
    }

    Connection<Question> questionQueue(FieldCall call) {
        String status = call.argument("status") == null ? ReviewStore.PENDING : call.argument("status");
        long after = call.page().after().map(Long::parseLong).orElse(0L);
        return Connection.of(QuestionStore.of(call.shop()).questionsWithStatus(status, after, call.page().first() + 1),
                call.page(), question -> String.valueOf(question.key()));
    }

    Connection<Answer> answerQueue(FieldCall call) {
        String status = call.argument("status") == null ? ReviewStore.PENDING : call.argument("status");
        long after = call.page().after().map(Long::parseLong).orElse(0L);
        return Connection.of(QuestionStore.of(call.shop()).answersWithStatus(status, after, call.page().first() + 1),
                call.page(), answer -> String.valueOf(answer.key()));
    }

    private static Optional<Question> approvedQuestion(FeatureContext shop, Object questionId) {
        return GlobalId.decodeLong(Question.TYPE, String.valueOf(questionId))
                .flatMap(id -> QuestionStore.of(shop).question(id))
                .filter(question -> ReviewStore.APPROVED.equals(question.status()));
    }

    private static Optional<UserError> textError(Object value) {
        String text = value == null ? "" : value.toString().strip();
        return text.length() < MIN_TEXT || text.length() > MAX_TEXT
                ? Optional.of(UserError.of(ReviewErrors.INVALID,
                        "The text must have " + MIN_TEXT + " to " + MAX_TEXT + " characters", "input", "text"))
                : Optional.empty();
    }

    private static UserError decisionError() {
        return UserError.of(ReviewErrors.INVALID, "status must be APPROVED, REJECTED or REMOVED", "input", "status");
    }

    private static Map<String, Object> payload(String field, Object value, UserError error) {
        Map<String, Object> payload = new HashMap<>();
        payload.put(field, value);
        payload.put("userErrors", error == null ? List.of() : List.of(error));
        return payload;
    }
}
