package dev.aftersales.host.recommend;

import static dev.aftersales.host.jooq.Tables.ORDERS;
import static dev.aftersales.host.jooq.Tables.ORDER_LINES;
import static dev.aftersales.host.jooq.Tables.RECOMMENDATION_PAIRS;

import dev.aftersales.api.catalog.Order;
import dev.aftersales.host.notify.outbox.Outbox;
import java.time.Clock;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The host job behind {@code FeatureContext.recommendations()}: per shop, which products the same customers bought
 * (in any of their orders, cancelled ones left out), counted in distinct customers, pairs of at least
 * {@value #MIN_CUSTOMERS} customers. Recomputed whole, in one transaction per shop, with one INSERT … SELECT in the
 * database; its cost grows with customers × their order lines squared.
 */
@Component
public class BoughtTogether {

    static final int MIN_CUSTOMERS = 2;
    private static final Logger log = LoggerFactory.getLogger(BoughtTogether.class);

    private final DSLContext db;
    private final Clock clock;

    BoughtTogether(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${aftersales.recommendations.interval:6h}", initialDelayString = "PT2M")
    public void computeAll() {
        for (String shopId : db.selectDistinct(ORDERS.SHOP_ID).from(ORDERS).fetch(ORDERS.SHOP_ID)) {
            try {
                compute(shopId);
            } catch (DataAccessException e) {
                // another instance recomputing the same shop at once; its result is as good, the next run repeats
                log.warn("Products bought together not recomputed for shop {}: {}", shopId, e.getMessage());
            }
        }
    }

    /** Replaces the shop's pairs; returns how many there are now. */
    public int compute(String shopId) {
        var a = ORDER_LINES.as("a");
        var b = ORDER_LINES.as("b");
        var ao = ORDERS.as("ao");
        var bo = ORDERS.as("bo");
        var customers = DSL.countDistinct(ao.CUSTOMER_ID);
        return db.transactionResult(tx -> {
            tx.dsl().deleteFrom(RECOMMENDATION_PAIRS).where(RECOMMENDATION_PAIRS.SHOP_ID.eq(shopId)).execute();
            return tx.dsl().insertInto(RECOMMENDATION_PAIRS, RECOMMENDATION_PAIRS.SHOP_ID,
                            RECOMMENDATION_PAIRS.PRODUCT_ID, RECOMMENDATION_PAIRS.OTHER_PRODUCT_ID,
                            RECOMMENDATION_PAIRS.CUSTOMERS, RECOMMENDATION_PAIRS.COMPUTED_AT)
                    .select(DSL.select(a.SHOP_ID, a.PRODUCT_ID, b.PRODUCT_ID, customers,
                                    DSL.val(Outbox.utc(clock.instant())))
                            .from(a)
                            .join(ao).on(ao.SHOP_ID.eq(a.SHOP_ID).and(ao.ORDER_ID.eq(a.ORDER_ID)))
                            .join(bo).on(bo.SHOP_ID.eq(ao.SHOP_ID).and(bo.CUSTOMER_ID.eq(ao.CUSTOMER_ID)))
                            .join(b).on(b.SHOP_ID.eq(bo.SHOP_ID).and(b.ORDER_ID.eq(bo.ORDER_ID)))
                            .where(a.SHOP_ID.eq(shopId).and(a.PRODUCT_ID.ne(b.PRODUCT_ID))
                                    .and(ao.STATUS.ne(Order.OrderStatus.CANCELLED.name()))
                                    .and(bo.STATUS.ne(Order.OrderStatus.CANCELLED.name())))
                            .groupBy(a.SHOP_ID, a.PRODUCT_ID, b.PRODUCT_ID)
                            .having(customers.ge(MIN_CUSTOMERS)))
                    .execute();
        });
    }
}
