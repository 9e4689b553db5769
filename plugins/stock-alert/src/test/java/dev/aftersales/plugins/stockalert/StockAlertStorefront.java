package dev.aftersales.plugins.stockalert;

import static dev.aftersales.plugins.stockalert.jooq.Tables.STOCK_ALERT_SUBSCRIPTION;
import static dev.aftersales.host.jooq.Tables.NOTIFY_MESSAGES;

import dev.aftersales.api.events.StockChanged;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Drives the stock alert feature of one test shop: subscribe, cancel, stock changes, and what was queued. */
final class StockAlertStorefront {

    static final String SUBSCRIBE = """
            mutation($input: StockAlertSubscribeInput!) { stockAlertSubscribe(input: $input) {
              stockAlert { id variantId status createdAt expiresAt notifiedAt variant { id } }
              cancelToken userErrors { field code message } } }""";
    static final String CANCEL = """
            mutation($input: StockAlertCancelInput!) { stockAlertCancel(input: $input) {
              cancelledStockAlertId userErrors { field code message } } }""";
    static final String LIST = """
            { viewer { stockAlerts(first: 50) { nodes { id variantId status notifiedAt } pageInfo { hasNextPage } } } }""";

    private final TestShop shop;

    StockAlertStorefront(TestShop shop) {
        this.shop = shop;
    }

    GraphQlResult subscribeAsCustomer(String customerId, String variantId) {
        return shop.storefront(customerId).execute(SUBSCRIBE, Map.of("input", Map.of("variantId", variantId)))
                .assertNoErrors();
    }

    GraphQlResult subscribeAsGuest(String variantId, String email, String locale) {
        Map<String, Object> input = new HashMap<>();
        input.put("variantId", variantId);
        input.put("email", email);
        if (locale != null) {
            input.put("locale", locale);
        }
        return shop.storefront().execute(SUBSCRIBE, Map.of("input", input)).assertNoErrors();
    }

    GraphQlResult cancel(String customerId, Map<String, Object> input) {
        return (customerId == null ? shop.storefront() : shop.storefront(customerId))
                .execute(CANCEL, Map.of("input", input)).assertNoErrors();
    }

    GraphQlResult list(String customerId) {
        return shop.storefront(customerId).execute(LIST).assertNoErrors();
    }

    /** Sets the variant's stock in the mirror and tells the shop's features, as the platform's webhook would. */
    void stock(String variantId, int oldStock, int newStock) {
        shop.catalog().variant(variantId, "Alpine Jacket", "M", "189.00", newStock);
        shop.publish(new StockChanged(variantId, oldStock, newStock));
    }

    /** Customer ids (or guest addresses) of the back-in-stock alerts queued so far, oldest first. */
    List<String> alerted() {
        return shop.sql().select(NOTIFY_MESSAGES.CUSTOMER_ID, NOTIFY_MESSAGES.EMAIL).from(NOTIFY_MESSAGES)
                .where(NOTIFY_MESSAGES.SHOP_ID.eq(shop.id()), NOTIFY_MESSAGES.TEMPLATE.eq("back-in-stock"))
                .orderBy(NOTIFY_MESSAGES.ID)
                .fetch(row -> row.value1() != null ? row.value1() : row.value2());
    }

    /** The stored state of every subscription of the shop, by subscriber key. */
    Map<String, String> states() {
        return shop.sql().select(STOCK_ALERT_SUBSCRIPTION.SUBSCRIBER_KEY, STOCK_ALERT_SUBSCRIPTION.STATE)
                .from(STOCK_ALERT_SUBSCRIPTION).where(STOCK_ALERT_SUBSCRIPTION.SHOP_ID.eq(shop.id()))
                .fetchMap(STOCK_ALERT_SUBSCRIPTION.SUBSCRIBER_KEY, STOCK_ALERT_SUBSCRIPTION.STATE);
    }

    /** How many of the shop's subscriptions are in this state. */
    int count(String state) {
        return shop.sql().fetchCount(STOCK_ALERT_SUBSCRIPTION, STOCK_ALERT_SUBSCRIPTION.SHOP_ID.eq(shop.id())
                .and(STOCK_ALERT_SUBSCRIPTION.STATE.eq(state)));
    }

    void runBatches() {
        shop.runJob(StockAlertFeature.ID, AlertBatches.JOB);
    }
}
