package dev.aftersales.host.webhooks;

import static dev.aftersales.host.jooq.Tables.INBOX_EVENTS;

import dev.aftersales.host.privacy.CustomerData;
import dev.aftersales.host.privacy.DataSubject;
import dev.aftersales.host.privacy.ExportRows;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raw webhook deliveries about a customer, kept 30 days to recognise duplicates. On erasure the row stays (its event
 * id still recognises a redelivery) but loses its body, derived events and error text. A delivery is about the
 * customer when its derived events name them, or when its body holds their address; one that could never be read (a
 * dead letter without derived events) also when its body holds their id as a JSON string. A delivery not yet applied
 * that holds the address is closed as erased, so it cannot bring the data back. The row being processed is left to
 * its worker ({@link InboxProcessor} clears a customer deletion's own row when it is done).
 */
@Component
class InboxCustomerData implements CustomerData {

    static final String ERASED_BODY = "{}";
    private static final String ERASED_NOTE = "ERASED: the customer's data was erased (GDPR)";

    private final DSLContext db;
    private final JsonMapper json;

    InboxCustomerData(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public String section() {
        return "webhookEvents";
    }

    @Override
    public Object export(DataSubject subject) {
        return ExportRows.of(db.select(INBOX_EVENTS.EVENT_ID, INBOX_EVENTS.TYPE, INBOX_EVENTS.RECEIVED_AT,
                        INBOX_EVENTS.STATE, INBOX_EVENTS.BODY)
                .from(INBOX_EVENTS).where(about(subject)).orderBy(INBOX_EVENTS.ID).fetch());
    }

    @Override
    public int erase(DataSubject subject) {
        Condition notApplied = INBOX_EVENTS.STATE.in(Inbox.PENDING, Inbox.RETRY, Inbox.DEAD);
        return db.update(INBOX_EVENTS)
                .set(INBOX_EVENTS.BODY, ERASED_BODY)
                .set(INBOX_EVENTS.DERIVED_EVENTS, (String) null)
                .set(INBOX_EVENTS.PENDING_PLUGINS, (String) null)
                .set(INBOX_EVENTS.LAST_ERROR, ERASED_NOTE)
                .set(INBOX_EVENTS.STATE, DSL.when(notApplied, DSL.inline(Inbox.DONE)).otherwise(INBOX_EVENTS.STATE))
                .where(about(subject).and(INBOX_EVENTS.STATE.ne(Inbox.PROCESSING)))
                .execute();
    }

    private Condition about(DataSubject subject) {
        String quotedId = json.writeValueAsString(subject.customerId());
        Condition about = INBOX_EVENTS.DERIVED_EVENTS.contains("\"customerId\":" + quotedId)
                .or(INBOX_EVENTS.DERIVED_EVENTS.isNull().and(INBOX_EVENTS.STATE.eq(Inbox.DEAD))
                        .and(INBOX_EVENTS.BODY.contains(quotedId)));
        if (subject.email().isPresent()) {
            about = about.or(INBOX_EVENTS.BODY.containsIgnoreCase(subject.email().get()));
        }
        return INBOX_EVENTS.SHOP_ID.eq(subject.shopId()).and(INBOX_EVENTS.BODY.ne(ERASED_BODY)).and(about);
    }
}
