package dev.aftersales.host.demo;

import static dev.aftersales.host.jooq.Tables.HOLDOUT_MEMBERS;
import static dev.aftersales.host.jooq.Tables.NOTIFY_CONSENTS;
import static dev.aftersales.host.jooq.Tables.ORDERS;

import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.OrderLine;
import dev.aftersales.api.platform.PlatformFact;
import dev.aftersales.host.catalog.MirrorUpdates;
import dev.aftersales.host.catalog.OrderService;
import dev.aftersales.host.holdout.HoldoutDraws;
import dev.aftersales.host.jobs.FeatureJobs;
import dev.aftersales.host.notify.outbox.Outbox;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: a lapsed customer for win-back and a lift report to read. Carla (German, marketing consent) ordered
 * 300 and 250 days ago, so she is lapsed under max(120 days, 3 x 50 days); the win-back job runs once at start and
 * sends her the reminder (see /demo/mails). The price-alert feature gets a 20 % holdout group with 1,200 generated
 * customers messaged 20 days ago (treated convert 14 %, held out 9 %), so {@code Shop.holdouts.liftReport} shows a
 * real comparison. Generated once: a restart finds the members and adds nothing.
 */
@Component
@ConditionalOnProperty(name = "aftersales.demo", havingValue = "true")
class DemoWinBack {

    private static final Logger log = LoggerFactory.getLogger(DemoWinBack.class);
    private static final String WIN_BACK = "win-back";
    private static final String PRICE_ALERT = "price-alert";
    private static final int GENERATED = 1200;

    private final OrderService orders;
    private final MirrorUpdates mirror;
    private final HoldoutDraws draws;
    private final FeatureJobs jobs;
    private final DSLContext db;
    private final Clock clock;

    DemoWinBack(OrderService orders, MirrorUpdates mirror, HoldoutDraws draws, FeatureJobs jobs, DSLContext db,
                Clock clock) {
        this.orders = orders;
        this.mirror = mirror;
        this.draws = draws;
        this.jobs = jobs;
        this.db = db;
        this.clock = clock;
    }

    void seed() {
        try {
            lapsedCustomer();
            liftReport();
        } catch (RuntimeException e) {
            log.warn("Demo win-back and lift report not set up: {}", e.toString());
        }
    }

    private void lapsedCustomer() {
        Instant now = clock.instant();
        db.transaction(tx -> mirror.apply(tx.dsl(), DemoSeeder.SHOP_ID,
                new PlatformFact.CustomerFact("carla", "carla@demo.example", "de-DE", now)));
        for (int daysAgo : new int[] {300, 250}) {
            orders.save(DemoSeeder.SHOP_ID, new Order("9" + daysAgo, "carla", now.minus(Duration.ofDays(daysAgo)),
                    Order.OrderStatus.DELIVERED, eur("149.90"), List.of(new OrderLine("boots-42", "boots",
                    "Trail Hiking Boots EU 42", 1, eur("149.90"), 0))));
        }
        LocalDateTime at = Outbox.utc(now);
        db.insertInto(NOTIFY_CONSENTS).set(NOTIFY_CONSENTS.SHOP_ID, DemoSeeder.SHOP_ID)
                .set(NOTIFY_CONSENTS.RECIPIENT_KEY, "c:carla").set(NOTIFY_CONSENTS.CATEGORY, "MARKETING")
                .set(NOTIFY_CONSENTS.STATE, "GRANTED").set(NOTIFY_CONSENTS.CUSTOMER_ID, "carla")
                .set(NOTIFY_CONSENTS.SOURCE, "double-opt-in").set(NOTIFY_CONSENTS.PURPOSE, "Newsletter and offers")
                .set(NOTIFY_CONSENTS.CONFIRMED_AT, at).set(NOTIFY_CONSENTS.UPDATED_AT, at)
                .onDuplicateKeyIgnore()
                .execute();
        if (jobs.runNow(DemoSeeder.SHOP_ID, WIN_BACK, WIN_BACK)) {
            log.info("Demo win-back: carla is lapsed; her reminder is at /demo/mails");
        }
    }

    private void liftReport() {
        if (db.fetchExists(HOLDOUT_MEMBERS, HOLDOUT_MEMBERS.SHOP_ID.eq(DemoSeeder.SHOP_ID)
                .and(HOLDOUT_MEMBERS.FEATURE_ID.eq(PRICE_ALERT)))) {
            return;
        }
        draws.set(DemoSeeder.SHOP_ID, PRICE_ALERT, 20, false);
        Random random = new Random(16);
        LocalDateTime messaged = Outbox.utc(clock.instant().minus(Duration.ofDays(20)));
        var members = db.insertInto(HOLDOUT_MEMBERS, HOLDOUT_MEMBERS.SHOP_ID, HOLDOUT_MEMBERS.FEATURE_ID,
                HOLDOUT_MEMBERS.DRAW_NO, HOLDOUT_MEMBERS.CUSTOMER_ID, HOLDOUT_MEMBERS.HELD_OUT,
                HOLDOUT_MEMBERS.FIRST_MESSAGE_AT);
        var generatedOrders = db.insertInto(ORDERS, ORDERS.SHOP_ID, ORDERS.ORDER_ID, ORDERS.CUSTOMER_ID,
                ORDERS.PLACED_AT, ORDERS.STATUS, ORDERS.TOTAL, ORDERS.CURRENCY);
        int drawNo = draws.history(DemoSeeder.SHOP_ID, PRICE_ALERT).getFirst().drawNo();
        for (int i = 0; i < GENERATED; i++) {
            String customer = String.format("shopper-%04d", i);
            boolean heldOut = i % 5 == 0;
            members = members.values(DemoSeeder.SHOP_ID, PRICE_ALERT, drawNo, customer, heldOut, messaged);
            if (random.nextDouble() < (heldOut ? 0.09 : 0.14)) {
                generatedOrders = generatedOrders.values(DemoSeeder.SHOP_ID, "g" + i, customer,
                        messaged.plusDays(1 + random.nextInt(10)), "DELIVERED",
                        BigDecimal.valueOf(40 + random.nextInt(160)), "EUR");
            }
        }
        members.execute();
        generatedOrders.execute();
        log.info("Demo lift report: price-alert has a 20 % holdout group with {} customers", GENERATED);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }
}
