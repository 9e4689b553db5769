package dev.aftersales.host.recommend;

import static dev.aftersales.host.jooq.Tables.ORDERS;
import static dev.aftersales.host.jooq.Tables.ORDER_LINES;
import static dev.aftersales.host.jooq.Tables.RECOMMENDATION_PAIRS;

import dev.aftersales.api.catalog.Catalog;
import dev.aftersales.api.catalog.Recommendations;
import dev.aftersales.api.catalog.Variant;
import dev.aftersales.host.catalog.CatalogService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * {@link Recommendations} for a shop: the products most often bought together ({@link BoughtTogether}) with the
 * customer's last order, without products the customer ever bought, each as its cheapest variant in stock.
 */
@Component
public class ShopRecommendations {

    static final int MAX_LIMIT = 20;

    private final DSLContext db;
    private final CatalogService catalog;

    ShopRecommendations(DSLContext db, CatalogService catalog) {
        this.db = db;
        this.catalog = catalog;
    }

    public Recommendations forShop(String shopId) {
        return (customerId, limit) -> forCustomer(shopId, customerId, limit);
    }

    List<Variant> forCustomer(String shopId, String customerId, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must lie between 1 and " + MAX_LIMIT);
        }
        Optional<String> lastOrder = db.select(ORDERS.ORDER_ID).from(ORDERS)
                .where(ORDERS.SHOP_ID.eq(shopId).and(ORDERS.CUSTOMER_ID.eq(customerId))
                        .and(ORDERS.STATUS.ne("CANCELLED")))
                .orderBy(ORDERS.PLACED_AT.desc(), ORDERS.ORDER_ID.desc()).limit(1)
                .fetchOptional(ORDERS.ORDER_ID);
        if (lastOrder.isEmpty()) {
            return List.of();
        }
        Set<String> bought = db.selectDistinct(ORDER_LINES.PRODUCT_ID).from(ORDER_LINES)
                .join(ORDERS).on(ORDERS.SHOP_ID.eq(ORDER_LINES.SHOP_ID).and(ORDERS.ORDER_ID.eq(ORDER_LINES.ORDER_ID)))
                .where(ORDERS.SHOP_ID.eq(shopId).and(ORDERS.CUSTOMER_ID.eq(customerId)))
                .fetchSet(ORDER_LINES.PRODUCT_ID);
        var score = DSL.sum(RECOMMENDATION_PAIRS.CUSTOMERS);
        // a few more candidates than asked for: some may be out of stock
        List<String> candidates = db.select(RECOMMENDATION_PAIRS.OTHER_PRODUCT_ID, score).from(RECOMMENDATION_PAIRS)
                .where(RECOMMENDATION_PAIRS.SHOP_ID.eq(shopId)
                        .and(RECOMMENDATION_PAIRS.PRODUCT_ID.in(DSL.select(ORDER_LINES.PRODUCT_ID).from(ORDER_LINES)
                                .where(ORDER_LINES.SHOP_ID.eq(shopId).and(ORDER_LINES.ORDER_ID.eq(lastOrder.get())))))
                        .and(RECOMMENDATION_PAIRS.OTHER_PRODUCT_ID.notIn(bought)))
                .groupBy(RECOMMENDATION_PAIRS.OTHER_PRODUCT_ID)
                .orderBy(score.desc(), RECOMMENDATION_PAIRS.OTHER_PRODUCT_ID)
                .limit(limit * 3)
                .fetch(RECOMMENDATION_PAIRS.OTHER_PRODUCT_ID);
        Catalog products = catalog.forShop(shopId);
        List<Variant> picks = new ArrayList<>();
        for (String productId : candidates) {
            products.variantsOfProduct(productId).stream()
                    .filter(Variant::inStock)
                    .min(Comparator.comparing((Variant variant) -> variant.price().amount()).thenComparing(Variant::id))
                    .ifPresent(picks::add);
            if (picks.size() == limit) {
                break;
            }
        }
        return picks;
    }
}
