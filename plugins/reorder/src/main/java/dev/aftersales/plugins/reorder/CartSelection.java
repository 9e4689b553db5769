package dev.aftersales.plugins.reorder;

import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.graphql.UserError;
import dev.aftersales.api.platform.CartLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of the lines a customer picked for "buy again" can go into a cart. Pure.
 *
 * <p>A line with a quantity below 1 is {@code INVALID}; a variant the catalog does not have is {@code NOT_FOUND}, one
 * it no longer sells {@code DISCONTINUED}, one without stock {@code OUT_OF_STOCK}: each gives one user error whose
 * field names the line ({@code ["input", "lines", "<index>", "variantId" | "quantity"]}) and stays out. The other
 * lines go in: lines of the same variant add up, and the sum is capped by the variant's stock.
 */
final class CartSelection {

    /** One line as the client sent it. */
    record Requested(String variantId, int quantity) {
    }

    /** The cart's lines (one per variant) and one error per line left out. */
    record Selection(List<CartLine> lines, List<UserError> errors) {
    }

    private CartSelection() {
    }

    static Selection select(List<Requested> requested, Map<String, Variant> catalog) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        List<UserError> errors = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            Requested line = requested.get(i);
            String index = String.valueOf(i);
            Variant variant = catalog.get(line.variantId());
            if (line.quantity() < 1) {
                errors.add(UserErrors.of(UserErrors.INVALID, "The quantity must be at least 1",
                        "input", "lines", index, "quantity"));
            } else if (variant == null) {
                errors.add(UserErrors.of(UserErrors.NOT_FOUND,
                        "No variant " + line.variantId() + " in the shop's catalog", "input", "lines", index,
                        "variantId"));
            } else if (!variant.purchasable()) {
                errors.add(UserErrors.of(UserErrors.DISCONTINUED,
                        "Variant " + line.variantId() + " is no longer sold", "input", "lines", index, "variantId"));
            } else if (variant.stock() < 1) {
                errors.add(UserErrors.of(UserErrors.OUT_OF_STOCK,
                        "Variant " + line.variantId() + " is out of stock", "input", "lines", index, "variantId"));
            } else {
                wanted.merge(variant.id(), line.quantity(), Integer::sum);
            }
        }
        List<CartLine> lines = wanted.entrySet().stream()
                .map(entry -> new CartLine(entry.getKey(),
                        Math.min(entry.getValue(), catalog.get(entry.getKey()).stock())))
                .toList();
        return new Selection(lines, errors);
    }
}
