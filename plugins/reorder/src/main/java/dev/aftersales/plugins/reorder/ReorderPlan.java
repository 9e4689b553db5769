package dev.aftersales.plugins.reorder;

import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.catalog.OrderLine;
import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.platform.CartLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule that decides, line by line, what ordering a past order again puts into the cart. Pure: it sees the order's
 * lines and the variants as the catalog has them now, nothing else.
 *
 * <ul>
 *   <li>A line wants what the customer kept: ordered minus returned. Nothing kept: {@code RETURNED}.</li>
 *   <li>A variant the catalog no longer has, or no longer sells: {@code DISCONTINUED}.</li>
 *   <li>No stock: {@code OUT_OF_STOCK}. Some stock: as many as the stock allows ({@code LIMITED_BY_STOCK} when less
 *       than wanted). Lines of the same variant share its stock, in the order's line order.</li>
 *   <li>A price change is the current price against the unit price paid, amount or currency; unknown (false) for a
 *       variant that is gone.</li>
 * </ul>
 */
final class ReorderPlan {

    private ReorderPlan() {
    }

    /** Every line of the order, in order, with its status and cart quantity (no substitutes yet). */
    static List<ReorderLine> classify(List<OrderLine> orderLines, Map<String, Variant> currentVariants) {
        Map<String, Integer> stockLeft = new HashMap<>();
        List<ReorderLine> lines = new ArrayList<>(orderLines.size());
        for (OrderLine orderLine : orderLines) {
            Variant variant = currentVariants.get(orderLine.variantId());
            int kept = Math.max(0, orderLine.quantity() - orderLine.returnedQuantity());
            ReorderLineStatus status;
            int cartQuantity = 0;
            if (kept == 0) {
                status = ReorderLineStatus.RETURNED;
            } else if (variant == null || !variant.purchasable()) {
                status = ReorderLineStatus.DISCONTINUED;
            } else {
                int stock = stockLeft.getOrDefault(variant.id(), Math.max(0, variant.stock()));
                cartQuantity = Math.min(kept, stock);
                stockLeft.put(variant.id(), stock - cartQuantity);
                status = cartQuantity == 0 ? ReorderLineStatus.OUT_OF_STOCK
                        : cartQuantity < kept ? ReorderLineStatus.LIMITED_BY_STOCK
                        : ReorderLineStatus.AVAILABLE;
            }
            Money current = variant == null ? null : variant.price();
            lines.add(new ReorderLine(orderLine.variantId(), orderLine.name(), variant, status,
                    orderLine.quantity(), orderLine.returnedQuantity(), cartQuantity, orderLine.unitPrice(),
                    current, current != null && !samePrice(current, orderLine.unitPrice()), null));
        }
        return lines;
    }

    /** The cart's lines: one per variant, quantities of the variant's lines added up, in first-seen order. */
    static List<CartLine> cartLines(List<ReorderLine> lines) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        for (ReorderLine line : lines) {
            if (line.status().goesIntoCart()) {
                quantities.merge(line.variantId(), line.cartQuantity(), Integer::sum);
            }
        }
        return quantities.entrySet().stream().map(entry -> new CartLine(entry.getKey(), entry.getValue())).toList();
    }

    /** Equal amounts (49.9 equals 49.90) in the same currency. */
    static boolean samePrice(Money a, Money b) {
        return a.currency().equals(b.currency()) && a.amount().compareTo(b.amount()) == 0;
    }
}
