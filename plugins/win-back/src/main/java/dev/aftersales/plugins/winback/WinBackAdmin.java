package dev.aftersales.plugins.winback;

import dev.aftersales.api.FeatureException;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.graphql.FieldCall;
import dev.aftersales.plugins.winback.jooq.tables.records.WinBackSequencesRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Operator API ({@code admin.graphqls}): the funnel of a period and a customer's sequences with the rule applied. */
final class WinBackAdmin {

    void register(Wiring wiring) {
        wiring.adminField("Shop", "winBackFunnel", WinBackAdmin::funnel);
        wiring.adminField("Shop", "winBackSequences", call -> Sequences.of(call.shop())
                .ofCustomer(call.argument("customerId")).stream().map(WinBackAdmin::view).toList());
    }

    private static Map<String, Object> funnel(FieldCall call) {
        Instant from = call.argument("from");
        Instant to = call.argument("to");
        if (!from.isBefore(to)) {
            throw new FeatureException(FeatureException.ErrorCode.BAD_REQUEST, "'from' must lie before 'to'");
        }
        var row = Sequences.of(call.shop()).funnel(from, to).getFirst();
        Map<String, Object> funnel = new LinkedHashMap<>();
        funnel.put("from", from);
        funnel.put("to", to);
        funnel.put("lapsed", row.value1());
        funnel.put("reminded", row.value1());
        funnel.put("offered", row.value2());
        funnel.put("couponFailures", row.value3() == null ? 0 : row.value3());
        funnel.put("reactivated", row.value4() == null ? 0 : row.value4());
        funnel.put("revenue", row.value5() == null ? BigDecimal.ZERO : row.value5());
        funnel.put("currency", row.value6());
        return funnel;
    }

    static Map<String, Object> view(WinBackSequencesRecord row) {
        Map<String, Object> view = new HashMap<>();
        view.put("customerId", row.getCustomerId());
        view.put("state", row.getState());
        view.put("lapseRule", row.getLapseRule());
        view.put("lastOrderAt", Sequences.instant(row.getLastOrderAt()));
        view.put("startedAt", Sequences.instant(row.getStartedAt()));
        view.put("offerDueAt", Sequences.instant(row.getOfferDueAt()));
        view.put("couponAttempts", row.getCouponAttempts());
        view.put("couponError", row.getCouponError());
        view.put("couponCode", row.getCouponCode());
        view.put("couponExpiresAt", Sequences.instant(row.getCouponExpiresAt()));
        view.put("endedAt", Sequences.instant(row.getEndedAt()));
        view.put("orderId", row.getOrderId());
        view.put("revenue", row.getRevenue());
        view.put("currency", row.getCurrency());
        return view;
    }
}
