package dev.aftersales.plugins.wishlist;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.catalog.Catalog;
import dev.aftersales.api.graphql.FieldCall;
import dev.aftersales.api.graphql.GlobalId;
import dev.aftersales.api.graphql.UserError;
import dev.aftersales.api.platform.Cart;
import dev.aftersales.api.platform.CartLine;
import dev.aftersales.api.platform.PlatformException;
import dev.aftersales.plugins.wishlist.Payloads.ItemsToCartPayload;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code wishlistItemsToCart}: a cart on the shop platform with a wishlist's items (all, or the ones named), for a
 * customer or a guest with the guest token. Items that cannot be bought are reported one by one ({@link CartItems})
 * and the rest go in.
 *
 * <p>It only reads: the wishlist, its items and its expiry stay exactly as they were, whatever happens to the cart —
 * a customer who bought the items removes them when they choose to. Everything is read before the platform is called,
 * and no transaction is open while it is.
 */
final class WishlistCarts {

    private final GuestWishlists guests;

    WishlistCarts(GuestWishlists guests) {
        this.guests = guests;
    }

    void register(Wiring wiring) {
        wiring.mutation("wishlistItemsToCart", this::toCart);
        // the platform's Cart and CartLine are the sources of WishlistCart and WishlistCartLine
        wiring.field("WishlistCart", "id", call -> call.<Cart>source().cartId());
        wiring.field("WishlistCartLine", "variant",
                call -> call.load(Catalog.VARIANT_LOADER, call.<CartLine>source().variantId()));
    }

    /**
     * The list is the one named by {@code wishlistId}, else the guest's list ({@code guestToken}), else the customer's
     * default list. {@code itemIds} must be items of that list; left out, every item of the list is taken.
     */
    ItemsToCartPayload toCart(FieldCall call) {
        FeatureContext shop = call.shop();
        Input input = Input.of(call);
        Optional<Owner> owner = guests.ownerOf(call, input);
        if (owner.isEmpty()) {
            return ItemsToCartPayload.failed(UserErrors.notFound("guest wishlist", "input", "guestToken"));
        }
        WishlistRepository lists = WishlistRepository.of(shop);
        Optional<Wishlist> list = list(lists, owner.get(), input);
        if (list.isEmpty()) {
            return ItemsToCartPayload.failed(UserErrors.notFound("wishlist", "input", "wishlistId"));
        }
        List<CartItems.Requested> requested;
        if (input.values().get("itemIds") != null) {
            List<String> itemIds = input.strings("itemIds");
            if (itemIds.isEmpty()) {
                return ItemsToCartPayload.failed(UserErrors.invalid("Name at least one item", "input", "itemIds"));
            }
            requested = named(lists, owner.get(), list.get(), itemIds);
        } else {
            requested = lists.itemsOfList(list.get().id()).stream()
                    .map(item -> new CartItems.Requested(item, List.of())).toList();
            if (requested.isEmpty()) {
                return ItemsToCartPayload.failed(UserErrors.invalid("The wishlist has no items", "input",
                        "wishlistId"));
            }
        }

        Set<String> variantIds = new LinkedHashSet<>();
        requested.stream().filter(entry -> entry.item() != null)
                .forEach(entry -> variantIds.add(entry.item().variantId()));
        CartItems.Selection selection = CartItems.select(requested,
                variantIds.isEmpty() ? Map.of() : shop.catalog().variants(variantIds));
        if (selection.lines().isEmpty()) {
            return new ItemsToCartPayload(null, selection.errors());
        }
        try {
            Cart cart = shop.platform().createCart(owner.get().customerIdOrNull(), selection.lines());
            return new ItemsToCartPayload(cart, selection.errors());
        } catch (PlatformException e) {
            // the platform made no cart: one error for the whole request, the client may try again
            return ItemsToCartPayload.failed(UserError.of(UserErrors.PLATFORM_UNAVAILABLE, e.getMessage()));
        }
    }

    private static Optional<Wishlist> list(WishlistRepository lists, Owner owner, Input input) {
        if (input.string("wishlistId") != null) {
            return input.id("Wishlist", "wishlistId").flatMap(id -> lists.list(owner, id));
        }
        return switch (owner) {
            case Owner.Guest guest -> lists.listOfGuest(guest.guestId());
            case Owner.Customer customer -> lists.defaultListOf(customer.customerId());
        };
    }

    /** The named items in the order named; an id that is malformed, unknown, someone else's or on another list: null. */
    private static List<CartItems.Requested> named(WishlistRepository lists, Owner owner, Wishlist list,
                                                   List<String> itemIds) {
        List<Optional<Long>> decoded = itemIds.stream().map(id -> GlobalId.decodeLong("WishlistItem", id)).toList();
        Set<Long> ids = new LinkedHashSet<>();
        decoded.forEach(id -> id.ifPresent(ids::add));
        Map<Long, WishlistItem> found = lists.items(owner, ids);
        List<CartItems.Requested> requested = new ArrayList<>();
        for (int i = 0; i < decoded.size(); i++) {
            WishlistItem item = decoded.get(i).map(found::get).filter(it -> it.listId() == list.id()).orElse(null);
            requested.add(new CartItems.Requested(item, List.of("input", "itemIds", String.valueOf(i))));
        }
        return requested;
    }
}
