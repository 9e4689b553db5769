package dev.aftersales.host.notify.tracking;

import static dev.aftersales.host.jooq.Tables.NOTIFY_CLICKS;
import static dev.aftersales.host.jooq.Tables.NOTIFY_CONVERSIONS;
import static dev.aftersales.host.jooq.Tables.NOTIFY_MESSAGES;

import dev.aftersales.api.catalog.Order;
import dev.aftersales.host.catalog.OrderService;
import dev.aftersales.host.jooq.tables.records.NotifyClicksRecord;
import dev.aftersales.host.jooq.tables.records.NotifyMessagesRecord;
import dev.aftersales.host.notify.outbox.Outbox;
import dev.aftersales.host.notify.settings.NotifySettingsStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * What messages caused: a click on a tracked link is recorded, and an order the customer places within the shop's
 * attribution window after a click is attributed to the last clicked message (its feature and plugin), with the
 * order's total as revenue. Orders of guests cannot be attributed (the host knows them by address only).
 */
@Component
public class Attribution {

    private final NotifyLinks links;
    private final DSLContext db;
    private final OrderService orders;
    private final NotifySettingsStore settings;
    private final Clock clock;

    Attribution(NotifyLinks links, DSLContext db, OrderService orders, NotifySettingsStore settings, Clock clock) {
        this.links = links;
        this.db = db;
        this.orders = orders;
        this.settings = settings;
        this.clock = clock;
    }

    /** Records a click on a tracked link and returns where it leads; empty for a forged or expired link. */
    public Optional<String> click(String shopId, String token) {
        Optional<NotifyLinks.Click> click = links.verifyClick(shopId, token);
        if (click.isEmpty()) {
            return Optional.empty();
        }
        Optional<NotifyMessagesRecord> message = db.selectFrom(NOTIFY_MESSAGES)
                .where(NOTIFY_MESSAGES.ID.eq(click.get().messageId()).and(NOTIFY_MESSAGES.SHOP_ID.eq(shopId)))
                .fetchOptional();
        if (message.isPresent()) {
            var now = Outbox.utc(clock.instant());
            db.insertInto(NOTIFY_CLICKS)
                    .set(NOTIFY_CLICKS.SHOP_ID, shopId)
                    .set(NOTIFY_CLICKS.MESSAGE_ID, message.get().getId())
                    .set(NOTIFY_CLICKS.FEATURE_ID, message.get().getFeatureId())
                    .set(NOTIFY_CLICKS.CUSTOMER_ID, message.get().getCustomerId())
                    .set(NOTIFY_CLICKS.URL, click.get().url().length() > 2000 ? click.get().url().substring(0, 2000)
                            : click.get().url())
                    .set(NOTIFY_CLICKS.CLICKED_AT, now)
                    .execute();
            db.update(NOTIFY_MESSAGES).set(NOTIFY_MESSAGES.FIRST_CLICKED_AT, now)
                    .where(NOTIFY_MESSAGES.ID.eq(message.get().getId()).and(NOTIFY_MESSAGES.FIRST_CLICKED_AT.isNull()))
                    .execute();
        }
        return Optional.of(click.get().url());
    }

    /**
     * Attributes an order of the mirror to the last message its customer clicked within the attribution window
     * before the order. Idempotent (one attribution per order). The host's webhook processing calls it for every
     * {@code OrderPlaced}; returns whether the order was attributed now.
     */
    public boolean orderPlaced(String shopId, String orderId) {
        Optional<Order> order = orders.forShop(shopId).order(orderId);
        if (order.isEmpty() || order.get().customerId() == null) {
            return false;
        }
        Instant placedAt = order.get().placedAt();
        Duration window = Duration.ofDays(settings.of(shopId).attributionDays());
        NotifyClicksRecord click = db.selectFrom(NOTIFY_CLICKS)
                .where(NOTIFY_CLICKS.SHOP_ID.eq(shopId).and(NOTIFY_CLICKS.CUSTOMER_ID.eq(order.get().customerId()))
                        .and(NOTIFY_CLICKS.CLICKED_AT.le(Outbox.utc(placedAt)))
                        .and(NOTIFY_CLICKS.CLICKED_AT.ge(Outbox.utc(placedAt.minus(window)))))
                .orderBy(NOTIFY_CLICKS.CLICKED_AT.desc(), NOTIFY_CLICKS.ID.desc())
                .limit(1)
                .fetchOne();
        if (click == null) {
            return false;
        }
        return db.insertInto(NOTIFY_CONVERSIONS)
                .set(NOTIFY_CONVERSIONS.SHOP_ID, shopId)
                .set(NOTIFY_CONVERSIONS.ORDER_ID, orderId)
                .set(NOTIFY_CONVERSIONS.MESSAGE_ID, click.getMessageId())
                .set(NOTIFY_CONVERSIONS.FEATURE_ID, click.getFeatureId())
                .set(NOTIFY_CONVERSIONS.CUSTOMER_ID, order.get().customerId())
                .set(NOTIFY_CONVERSIONS.REVENUE, order.get().total().amount())
                .set(NOTIFY_CONVERSIONS.CURRENCY, order.get().total().currency())
                .set(NOTIFY_CONVERSIONS.PLACED_AT, Outbox.utc(placedAt))
                .onDuplicateKeyIgnore()
                .execute() == 1;
    }
}
