package dev.aftersales.plugins.wishlist;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.FeatureException;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.catalog.Catalog;
import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.graphql.Connection;
import dev.aftersales.api.graphql.FieldCall;
import dev.aftersales.api.graphql.GlobalId;
import dev.aftersales.api.graphql.PageRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The read side: the fields the fragment adds to {@code Customer} and {@code Variant}, the fields of
 * {@code Wishlist}, {@code SharedWishlist} and {@code WishlistItem}, and the batch loaders behind them.
 *
 * <p>No N+1: everything a list shows per list or per item goes through a batch loader, so a page of lists with
 * their item counts, items and variants costs a fixed number of statements, whatever {@code first} is: one for the
 * lists, one for all item counts, one for all item pages ({@code ROW_NUMBER()} per list) and the host's one for all
 * variants ({@link Catalog#VARIANT_LOADER}).
 */
final class WishlistFetchers {

    static final String ITEM_COUNT_LOADER = "wishlist.itemCount";
    static final String ITEM_PAGE_LOADER = "wishlist.itemPage";
    static final String LISTS_HOLDING_LOADER = "wishlist.listsHoldingVariant";

    /** One page of one list's items: at most {@code limit} items with ids below {@code beforeId} (null: newest). */
    record ItemPageKey(long listId, int limit, Long beforeId) {
    }

    /** A variant asked about for a customer ({@code Variant.inWishlists}). */
    record CustomerVariant(String customerId, String variantId) {
    }

    void register(Wiring wiring) {
        wiring.field("Customer", "wishlists", this::wishlists);
        wiring.field("Customer", "wishlist", this::wishlist);
        wiring.field("Customer", "defaultWishlist", this::defaultWishlist);
        wiring.field("Variant", "inWishlists", this::inWishlists);

        for (String type : List.of("Wishlist", "SharedWishlist")) {
            wiring.field(type, "itemCount", this::itemCount);
            wiring.field(type, "items", this::items);
        }
        wiring.field("Wishlist", "id", call -> GlobalId.encode("Wishlist", call.<Wishlist>source().id()));
        wiring.field("WishlistItem", "id", call -> GlobalId.encode("WishlistItem", call.<WishlistItem>source().id()));
        wiring.field("WishlistItem", "variant",
                call -> call.load(Catalog.VARIANT_LOADER, call.<WishlistItem>source().variantId()));

        wiring.<Long, Integer>batchLoader(ITEM_COUNT_LOADER, this::loadItemCounts);
        wiring.<ItemPageKey, List<WishlistItem>>batchLoader(ITEM_PAGE_LOADER, this::loadItemPages);
        wiring.<CustomerVariant, List<Wishlist>>batchLoader(LISTS_HOLDING_LOADER, this::loadListsHolding);
    }

    // ---------------------------------------------------------------- Customer and Variant

    /**
     * {@code Customer.wishlists}: the viewer's lists, oldest first (the default list is the oldest). {@code Customer}
     * is only ever the viewer in the storefront schema, so the viewer's id is the customer's.
     */
    Connection<Wishlist> wishlists(FieldCall call) {
        String customerId = call.viewer().requireCustomer();
        PageRequest page = call.page();
        long afterId = page.after().map(WishlistFetchers::cursorKey).orElse(0L);
        List<Wishlist> rows = WishlistRepository.of(call.shop()).listsOf(customerId, afterId, page.first() + 1);
        return Connection.of(rows, page, row -> String.valueOf(row.id()));
    }

    /** {@code Customer.wishlist(id)}: null for a malformed, unknown or someone else's id alike. */
    Wishlist wishlist(FieldCall call) {
        Owner owner = new Owner.Customer(call.viewer().requireCustomer());
        return GlobalId.decodeLong("Wishlist", call.argument("id"))
                .flatMap(id -> WishlistRepository.of(call.shop()).list(owner, id))
                .orElse(null);
    }

    Wishlist defaultWishlist(FieldCall call) {
        return WishlistRepository.of(call.shop()).defaultListOf(call.viewer().requireCustomer()).orElse(null);
    }

    /** {@code Variant.inWishlists}: the viewer's lists holding the variant; empty for a guest. */
    CompletableFuture<List<Wishlist>> inWishlists(FieldCall call) {
        if (call.viewer().isGuest()) {
            return CompletableFuture.completedFuture(List.of());
        }
        String customerId = call.viewer().requireCustomer();
        String variantId = call.<Variant>source().id();
        return call.<CustomerVariant, List<Wishlist>>load(LISTS_HOLDING_LOADER,
                        new CustomerVariant(customerId, variantId))
                .thenApply(lists -> lists == null ? List.of() : lists);
    }

    // ---------------------------------------------------------------- Wishlist and SharedWishlist

    CompletableFuture<Integer> itemCount(FieldCall call) {
        return call.<Long, Integer>load(ITEM_COUNT_LOADER, call.<Wishlist>source().id());
    }

    /** The list's items, newest first; {@code after} holds the id of the last item seen. */
    CompletableFuture<Connection<WishlistItem>> items(FieldCall call) {
        PageRequest page = call.page();
        Long beforeId = page.after().map(WishlistFetchers::cursorKey).orElse(null);
        ItemPageKey key = new ItemPageKey(call.<Wishlist>source().id(), page.first() + 1, beforeId);
        return call.<ItemPageKey, List<WishlistItem>>load(ITEM_PAGE_LOADER, key)
                .thenApply(rows -> Connection.of(rows == null ? List.of() : rows, page,
                        row -> String.valueOf(row.id())));
    }

    // ---------------------------------------------------------------- batch loaders

    Map<Long, Integer> loadItemCounts(FeatureContext shop, Set<Long> listIds) {
        Map<Long, Integer> counts = new HashMap<>(WishlistRepository.of(shop).itemCounts(listIds));
        listIds.forEach(listId -> counts.putIfAbsent(listId, 0));
        return counts;
    }

    /**
     * One statement per distinct (limit, cursor): in practice one, since lists shown together share their
     * {@code items(first:)} arguments and a cursor is only used when paging through a single list.
     */
    Map<ItemPageKey, List<WishlistItem>> loadItemPages(FeatureContext shop, Set<ItemPageKey> keys) {
        record PageArguments(int limit, Long beforeId) {
        }
        Map<PageArguments, List<Long>> listIdsByArguments = keys.stream().collect(Collectors.groupingBy(
                key -> new PageArguments(key.limit(), key.beforeId()),
                Collectors.mapping(ItemPageKey::listId, Collectors.toList())));
        WishlistRepository repository = WishlistRepository.of(shop);
        Map<ItemPageKey, List<WishlistItem>> pages = new HashMap<>();
        listIdsByArguments.forEach((arguments, listIds) -> {
            Map<Long, List<WishlistItem>> byList = repository.itemPages(listIds, arguments.beforeId(), arguments.limit());
            listIds.forEach(listId -> pages.put(new ItemPageKey(listId, arguments.limit(), arguments.beforeId()),
                    byList.getOrDefault(listId, List.of())));
        });
        return pages;
    }

    Map<CustomerVariant, List<Wishlist>> loadListsHolding(FeatureContext shop, Set<CustomerVariant> keys) {
        Set<String> customerIds = keys.stream().map(CustomerVariant::customerId).collect(Collectors.toSet());
        Set<String> variantIds = keys.stream().map(CustomerVariant::variantId).collect(Collectors.toSet());
        Map<CustomerVariant, List<Wishlist>> lists = new HashMap<>();
        keys.forEach(key -> lists.put(key, new ArrayList<>()));
        for (WishlistRepository.ListHolding holding
                : WishlistRepository.of(shop).listsHolding(customerIds, variantIds)) {
            List<Wishlist> forKey = lists.get(new CustomerVariant(holding.list().customerId(), holding.variantId()));
            if (forKey != null) {
                forKey.add(holding.list());
            }
        }
        return lists;
    }

    /** The key inside a cursor this feature made: a row id. */
    private static long cursorKey(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new FeatureException(FeatureException.ErrorCode.BAD_REQUEST, "'after' is not a cursor of this list");
        }
    }
}
