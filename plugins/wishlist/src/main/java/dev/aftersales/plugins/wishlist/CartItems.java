package dev.aftersales.plugins.wishlist;

import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.graphql.GlobalId;
import dev.aftersales.api.graphql.UserError;
import dev.aftersales.api.platform.CartLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which wishlist items can go into a cart. Pure: it sees the items (null for an id that named none of the owner's
 * items on the list) and the variants as the catalog has them now.
 *
 * <p>An item that was not found is {@code NOT_FOUND}; one whose variant the catalog no longer has or no longer sells
 * is {@code DISCONTINUED}; one without stock {@code OUT_OF_STOCK}. Each gives one user error at the field the caller
 * names for it, and stays out. The other items go in with their wished quantity, capped by the variant's stock; an
 * item named twice goes in once.
 */
final class CartItems {

    /** One item asked for; {@code item} is null when the id named none. {@code field} is where its errors point. */
    record Requested(WishlistItem item, List<String> field) {
    }

    /** The cart's lines and one error per item left out, in the order the items were asked for. */
    record Selection(List<CartLine> lines, List<UserError> errors) {
    }

    private CartItems() {
    }

    static Selection select(List<Requested> requested, Map<String, Variant> catalog) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        List<UserError> errors = new ArrayList<>();
        for (Requested entry : requested) {
            String[] field = entry.field().toArray(String[]::new);
            WishlistItem item = entry.item();
            if (item == null) {
                errors.add(UserErrors.notFound("wishlist item", field));
                continue;
            }
            Variant variant = catalog.get(item.variantId());
            String which = "Item " + GlobalId.encode("WishlistItem", item.id()) + " (variant " + item.variantId() + ")";
            if (variant == null || !variant.purchasable()) {
                errors.add(UserError.of(UserErrors.DISCONTINUED, which + " is no longer sold", field));
            } else if (variant.stock() < 1) {
                errors.add(UserError.of(UserErrors.OUT_OF_STOCK, which + " is out of stock", field));
            } else {
                quantities.putIfAbsent(item.variantId(), Math.min(item.quantity(), variant.stock()));
            }
        }
        List<CartLine> lines = quantities.entrySet().stream()
                .map(entry -> new CartLine(entry.getKey(), entry.getValue())).toList();
        return new Selection(lines, errors);
    }
}
