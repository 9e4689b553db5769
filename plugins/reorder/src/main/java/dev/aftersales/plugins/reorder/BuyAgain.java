package dev.aftersales.plugins.reorder;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.FeatureException;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.graphql.Connection;
import dev.aftersales.api.graphql.FieldCall;
import dev.aftersales.api.graphql.PageRequest;
import dev.aftersales.plugins.reorder.BuyAgainRanking.Cursor;
import dev.aftersales.plugins.reorder.Payloads.BuyAgainAddPayload;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * "Buy again": {@code Customer.buyAgain}, the customer's variants ranked from the order history
 * ({@link BuyAgainRanking}), and {@code buyAgainAdd}, a cart with the variants the customer picked
 * ({@link CartSelection}).
 *
 * <p>Nothing is stored: each request reads at most {@code buyAgainHistoryOrders} orders and their variants from the
 * host's mirror (two statements for the orders, one for the variants), ranks them in memory and pages through the
 * ranking with a keyset cursor.
 */
final class BuyAgain {

    /** More lines than a storefront's "buy again" shelf can show is a client bug, not a cart. */
    static final int MAX_LINES = 100;

    void register(Wiring wiring) {
        wiring.field("Customer", "buyAgain", this::buyAgain);
        wiring.mutation("buyAgainAdd", this::add);
    }

    /** {@code Customer.buyAgain}: {@code Customer} is only ever the viewer, so the viewer's history is the one. */
    Connection<BuyAgainItem> buyAgain(FieldCall call) {
        String customerId = call.viewer().requireCustomer();
        FeatureContext shop = call.shop();
        PageRequest page = call.page();
        Optional<Cursor> after = page.after().map(key -> Cursor.parse(key).orElseThrow(() ->
                new FeatureException(FeatureException.ErrorCode.BAD_REQUEST, "'after' is not a cursor of buyAgain")));
        ReorderSettings settings = ReorderSettings.of(shop.settings());

        List<Order> orders = shop.orders().ofCustomer(customerId, settings.historyOrders());
        Set<String> variantIds = new LinkedHashSet<>();
        orders.forEach(order -> order.lines().forEach(line -> variantIds.add(line.variantId())));
        Map<String, Variant> variants = variantIds.isEmpty() ? Map.of() : shop.catalog().variants(variantIds);

        List<BuyAgainItem> rest = BuyAgainRanking.after(
                BuyAgainRanking.rank(orders, variants, settings.halfLife()), after);
        return Connection.of(rest.subList(0, Math.min(rest.size(), page.first() + 1)), page,
                item -> Cursor.of(item).key());
    }

    /** {@code buyAgainAdd}: the lines that can go in make a cart; each other line is a user error. */
    BuyAgainAddPayload add(FieldCall call) {
        String customerId = call.viewer().requireCustomer();
        FeatureContext shop = call.shop();
        List<CartSelection.Requested> requested = requestedLines(call.input().get("lines"));
        if (requested.isEmpty() || requested.size() > MAX_LINES) {
            return new BuyAgainAddPayload(null, List.of(UserErrors.of(UserErrors.INVALID,
                    "Name 1 to " + MAX_LINES + " lines", "input", "lines")));
        }
        Set<String> variantIds = new LinkedHashSet<>();
        requested.forEach(line -> variantIds.add(line.variantId()));
        CartSelection.Selection selection = CartSelection.select(requested, shop.catalog().variants(variantIds));
        if (selection.lines().isEmpty()) {
            return new BuyAgainAddPayload(null, selection.errors());
        }
        return switch (PlatformCarts.create(shop, customerId, selection.lines())) {
            case PlatformCarts.Outcome.Made made -> new BuyAgainAddPayload(made.cart(), selection.errors());
            case PlatformCarts.Outcome.Failed failed -> new BuyAgainAddPayload(null, List.of(failed.error()));
        };
    }

    /** The input's lines as graphql-java coerced them (the schema made variantId required, quantity default 1). */
    private static List<CartSelection.Requested> requestedLines(Object value) {
        List<CartSelection.Requested> lines = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                Map<?, ?> line = (Map<?, ?>) item;
                Object quantity = line.get("quantity");
                lines.add(new CartSelection.Requested((String) line.get("variantId"),
                        quantity == null ? 1 : (Integer) quantity));
            }
        }
        return lines;
    }
}
