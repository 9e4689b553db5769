package dev.aftersales.host.holdout;

import static dev.aftersales.host.jooq.Tables.HOLDOUT_MEMBERS;

import dev.aftersales.host.notify.outbox.Outbox;
import dev.aftersales.host.privacy.CustomerData;
import dev.aftersales.host.privacy.DataSubject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * GDPR export and erasure of a customer's holdout memberships. Erasure deletes them: the customer leaves the lift
 * reports (their orders leave the order mirror too), which keeps the groups comparable.
 */
@Component
class HoldoutPrivacy implements CustomerData {

    private final DSLContext db;

    HoldoutPrivacy(DSLContext db) {
        this.db = db;
    }

    @Override
    public String section() {
        return "holdouts";
    }

    @Override
    public Object export(DataSubject subject) {
        return db.selectFrom(HOLDOUT_MEMBERS)
                .where(HOLDOUT_MEMBERS.SHOP_ID.eq(subject.shopId())
                        .and(HOLDOUT_MEMBERS.CUSTOMER_ID.eq(subject.customerId())))
                .orderBy(HOLDOUT_MEMBERS.FIRST_MESSAGE_AT)
                .fetch(row -> {
                    Map<String, Object> member = new LinkedHashMap<>();
                    member.put("feature", row.getFeatureId());
                    member.put("drawNo", row.getDrawNo());
                    member.put("group", row.getHeldOut() ? "HELD_OUT" : "TREATED");
                    member.put("firstMessageAt", Outbox.instant(row.getFirstMessageAt()).toString());
                    return member;
                });
    }

    @Override
    public int erase(DataSubject subject) {
        return db.deleteFrom(HOLDOUT_MEMBERS)
                .where(HOLDOUT_MEMBERS.SHOP_ID.eq(subject.shopId())
                        .and(HOLDOUT_MEMBERS.CUSTOMER_ID.eq(subject.customerId())))
                .execute();
    }
}
