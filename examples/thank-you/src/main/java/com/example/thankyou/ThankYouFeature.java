package com.example.thankyou;

import static com.example.thankyou.jooq.Tables.THANK_YOU_THANKED;

import dev.aftersales.api.Feature;
import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.FeatureDescriptor;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.events.CustomerDeleted;
import dev.aftersales.api.events.OrderPlaced;
import dev.aftersales.api.notify.Category;
import dev.aftersales.api.notify.Notification;
import dev.aftersales.api.notify.Recipient;
import dev.aftersales.api.settings.SettingsSpec;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Thanks a customer by mail for their first order in the shop. An order of a customer who ordered before (the host's
 * order history says so) or who was thanked already is not thanked again; a duplicate event changes nothing.
 */
@Extension
public class ThankYouFeature implements Feature {

    static final String ID = "thank-you";

    @Override
    public FeatureDescriptor descriptor() {
        return new FeatureDescriptor(ID, "Thank-you mail", "A thank-you mail after a customer's first order.",
                SettingsSpec.none());
    }

    @Override
    public void register(Wiring wiring) {
        wiring.listen(OrderPlaced.class, this::onOrderPlaced);
        wiring.listen(CustomerDeleted.class, (shop, event) -> erase(shop, event.customerId()));
    }

    private void onOrderPlaced(FeatureContext shop, OrderPlaced event) {
        if (event.customerId() == null) {
            return; // a guest order: the plugin thanks customers it can recognise next time
        }
        List<Order> orders = shop.orders().ofCustomer(event.customerId(), 2);
        if (orders.stream().anyMatch(order -> !order.id().equals(event.orderId()))) {
            return; // not the first order
        }
        shop.inTransaction(tx -> {
            int thanked = tx.dsl().insertInto(THANK_YOU_THANKED)
                    .set(THANK_YOU_THANKED.SHOP_ID, shop.shopId())
                    .set(THANK_YOU_THANKED.CUSTOMER_ID, event.customerId())
                    .set(THANK_YOU_THANKED.ORDER_ID, event.orderId())
                    .set(THANK_YOU_THANKED.THANKED_AT, LocalDateTime.ofInstant(shop.clock().instant(), ZoneOffset.UTC))
                    .onDuplicateKeyIgnore()
                    .execute();
            if (thanked == 1) {
                // joins this transaction: the mail is queued exactly when the row is written
                shop.notifier().enqueue(Notification.to(Recipient.customer(event.customerId()))
                        .template("first-order").category(Category.TRANSACTIONAL)
                        .data(Map.of("orderId", event.orderId()))
                        .dedupeKey("first-order:" + event.customerId())
                        .build());
            }
            return thanked;
        });
    }

    @Override
    public Map<String, Object> export(FeatureContext shop, String customerId) {
        Map<String, Object> export = new LinkedHashMap<>();
        shop.db().selectFrom(THANK_YOU_THANKED)
                .where(THANK_YOU_THANKED.SHOP_ID.eq(shop.shopId()).and(THANK_YOU_THANKED.CUSTOMER_ID.eq(customerId)))
                .fetchOptional()
                .ifPresent(row -> export.put("thankedFor", Map.of("orderId", row.getOrderId(),
                        "thankedAt", row.getThankedAt().toInstant(ZoneOffset.UTC).toString())));
        return export;
    }

    @Override
    public void erase(FeatureContext shop, String customerId) {
        shop.db().deleteFrom(THANK_YOU_THANKED)
                .where(THANK_YOU_THANKED.SHOP_ID.eq(shop.shopId()).and(THANK_YOU_THANKED.CUSTOMER_ID.eq(customerId)))
                .execute();
    }
}
