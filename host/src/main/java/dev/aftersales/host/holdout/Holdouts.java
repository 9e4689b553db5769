package dev.aftersales.host.holdout;

import static dev.aftersales.host.jooq.Tables.HOLDOUT_MEMBERS;

import dev.aftersales.api.notify.Category;
import dev.aftersales.api.notify.Notification;
import dev.aftersales.host.jooq.tables.records.HoldoutDrawsRecord;
import dev.aftersales.host.notify.outbox.Outbox;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Decides, where a message is enqueued, whether its customer is in the feature's holdout group, and records the
 * customer as a member of the draw in force (the units of the lift report). Only messages to known customers count:
 * transactional messages always go out, guests cannot be followed to their orders, and the host's own messages
 * ({@code notify}) have no holdout. Joins the caller's transaction, so a rolled-back enqueue records nobody.
 */
@Component
public class Holdouts {

    /** The host's own messages (double opt-in confirmations): never held out. */
    private static final String HOST_FEATURE = "notify";

    private final HoldoutDraws draws;
    private final DSLContext db;
    private final Clock clock;

    Holdouts(HoldoutDraws draws, DSLContext db, Clock clock) {
        this.draws = draws;
        this.db = db;
        this.clock = clock;
    }

    /** The positions of the notifications whose customers are held out; records every customer's group. */
    public Set<Integer> holdOut(String shopId, String featureId, List<Notification> notifications) {
        if (HOST_FEATURE.equals(featureId)) {
            return Set.of();
        }
        Map<String, Boolean> groups = new TreeMap<>();
        Optional<HoldoutDrawsRecord> draw = Optional.empty();
        Set<Integer> heldOut = new HashSet<>();
        for (int i = 0; i < notifications.size(); i++) {
            Notification notification = notifications.get(i);
            String customerId = notification.recipient().customerId();
            if (customerId == null || notification.category() == Category.TRANSACTIONAL) {
                continue;
            }
            if (draw.isEmpty()) {
                draw = draws.current(shopId, featureId);
                if (draw.isEmpty() || draw.get().getSharePercent() == 0) {
                    return Set.of();
                }
            }
            boolean out = HoldoutAssignment.heldOut(draw.get().getSalt(), customerId, draw.get().getSharePercent());
            groups.put(customerId, out);
            if (out) {
                heldOut.add(i);
            }
        }
        draw.ifPresent(current -> record(shopId, featureId, current.getDrawNo(), groups));
        return heldOut;
    }

    /** One multi-row insert in customer order (concurrent enqueues lock rows in the same order); keeps the first time. */
    private void record(String shopId, String featureId, int drawNo, Map<String, Boolean> groups) {
        if (groups.isEmpty()) {
            return;
        }
        LocalDateTime now = Outbox.utc(clock.instant());
        var insert = db.insertInto(HOLDOUT_MEMBERS, HOLDOUT_MEMBERS.SHOP_ID, HOLDOUT_MEMBERS.FEATURE_ID,
                HOLDOUT_MEMBERS.DRAW_NO, HOLDOUT_MEMBERS.CUSTOMER_ID, HOLDOUT_MEMBERS.HELD_OUT,
                HOLDOUT_MEMBERS.FIRST_MESSAGE_AT);
        for (Map.Entry<String, Boolean> group : groups.entrySet()) {
            insert = insert.values(shopId, featureId, drawNo, group.getKey(), group.getValue(), now);
        }
        insert.onDuplicateKeyIgnore().execute();
    }
}
