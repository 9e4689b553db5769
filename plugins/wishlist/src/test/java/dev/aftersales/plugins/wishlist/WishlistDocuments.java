package dev.aftersales.plugins.wishlist;

/**
 * The GraphQL documents the integration tests send, in one place so that {@code WishlistDocumentsTest} can check
 * every one of them against the base schema and the fragment without a running host.
 */
final class WishlistDocuments {

    private WishlistDocuments() {
    }

    static final String USER_ERRORS = "userErrors { field code message }";
    static final String LIST_FIELDS = "id name isDefault itemCount shared shareToken createdAt updatedAt";
    static final String ITEM_FIELDS = "id variantId quantity note addedAt updatedAt";

    static final String CREATE = """
            mutation($input: WishlistCreateInput!) {
              wishlistCreate(input: $input) { wishlist { %s } %s }
            }""".formatted(LIST_FIELDS, USER_ERRORS);

    static final String RENAME = """
            mutation($input: WishlistRenameInput!) {
              wishlistRename(input: $input) { wishlist { %s } %s }
            }""".formatted(LIST_FIELDS, USER_ERRORS);

    static final String DELETE = """
            mutation($input: WishlistDeleteInput!) {
              wishlistDelete(input: $input) { deletedWishlistId %s }
            }""".formatted(USER_ERRORS);

    static final String CLEAR = """
            mutation($input: WishlistClearInput!) {
              wishlistClear(input: $input) { wishlist { %s } %s }
            }""".formatted(LIST_FIELDS, USER_ERRORS);

    static final String ITEM_ADD = """
            mutation($input: WishlistItemAddInput!) {
              wishlistItemAdd(input: $input) { item { %s } wishlist { %s } %s }
            }""".formatted(ITEM_FIELDS, LIST_FIELDS, USER_ERRORS);

    static final String ITEM_UPDATE = """
            mutation($input: WishlistItemUpdateInput!) {
              wishlistItemUpdate(input: $input) { item { %s } wishlist { %s } %s }
            }""".formatted(ITEM_FIELDS, LIST_FIELDS, USER_ERRORS);

    static final String ITEM_REMOVE = """
            mutation($input: WishlistItemRemoveInput!) {
              wishlistItemRemove(input: $input) { deletedItemId wishlist { %s } %s }
            }""".formatted(LIST_FIELDS, USER_ERRORS);

    static final String ITEMS_COPY = """
            mutation($input: WishlistItemsCopyInput!) {
              wishlistItemsCopy(input: $input) { wishlist { %s } %s }
            }""".formatted(LIST_FIELDS, USER_ERRORS);

    static final String ITEMS_MOVE = """
            mutation($input: WishlistItemsMoveInput!) {
              wishlistItemsMove(input: $input) { wishlist { %s } %s }
            }""".formatted(LIST_FIELDS, USER_ERRORS);

    static final String SHARE = """
            mutation($input: WishlistShareInput!) {
              wishlistShare(input: $input) { shareToken wishlist { %s } %s }
            }""".formatted(LIST_FIELDS, USER_ERRORS);

    static final String UNSHARE = """
            mutation($input: WishlistUnshareInput!) {
              wishlistUnshare(input: $input) { wishlist { %s } %s }
            }""".formatted(LIST_FIELDS, USER_ERRORS);

    static final String GUEST_START = """
            mutation($input: GuestWishlistStartInput) {
              guestWishlistStart(input: $input) { guestToken wishlist { %s } %s }
            }""".formatted(LIST_FIELDS, USER_ERRORS);

    static final String MERGE_GUEST = """
            mutation($input: WishlistMergeGuestInput!) {
              wishlistMergeGuest(input: $input) { mergedItemCount wishlist { %s } %s }
            }""".formatted(LIST_FIELDS, USER_ERRORS);

    static final String ITEMS_TO_CART = """
            mutation($input: WishlistItemsToCartInput!) {
              wishlistItemsToCart(input: $input) {
                cart { id checkoutUrl lines { variantId quantity variant { id name inStock } } }
                %s
              }
            }""".formatted(USER_ERRORS);

    static final String LISTS = """
            query($first: Int, $after: String) {
              viewer {
                wishlists(first: $first, after: $after) {
                  edges { cursor node { %s } }
                  nodes { id }
                  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                }
              }
            }""".formatted(LIST_FIELDS);

    static final String LIST = """
            query($id: ID!, $first: Int, $after: String) {
              viewer {
                wishlist(id: $id) {
                  %s
                  items(first: $first, after: $after) {
                    edges { cursor node { %s } }
                    nodes { %s variant { id name inStock price { amount currencyCode } } }
                    pageInfo { hasNextPage hasPreviousPage endCursor }
                  }
                }
              }
            }""".formatted(LIST_FIELDS, ITEM_FIELDS, ITEM_FIELDS);

    static final String DEFAULT_LIST = """
            query { viewer { defaultWishlist { %s } } }""".formatted(LIST_FIELDS);

    /** Every list with its items and their variants: the query whose statement count must not grow with first. */
    static final String LISTS_WITH_ITEMS = """
            query($first: Int) {
              viewer {
                wishlists(first: 10) {
                  nodes {
                    name itemCount
                    items(first: $first) { nodes { quantity variant { name inStock price { amount } } } }
                  }
                }
              }
            }""";

    static final String IN_WISHLISTS = """
            query($id: ID!) { variant(id: $id) { id inWishlists { id name } } }""";

    static final String SHARED = """
            query($token: String!) {
              sharedWishlist(token: $token) {
                name itemCount updatedAt
                items(first: 10) { nodes { variantId quantity note variant { name } } }
              }
            }""";

    static final String GUEST_LIST = """
            query($guestToken: String!) {
              guestWishlist(guestToken: $guestToken) {
                %s
                items(first: 10) { nodes { %s } }
              }
            }""".formatted(LIST_FIELDS, ITEM_FIELDS);

    /** Every document above, for the schema check. */
    static final String[] ALL = {CREATE, RENAME, DELETE, CLEAR, ITEM_ADD, ITEM_UPDATE, ITEM_REMOVE, ITEMS_COPY,
            ITEMS_MOVE, SHARE, UNSHARE, GUEST_START, MERGE_GUEST, ITEMS_TO_CART, LISTS, LIST, DEFAULT_LIST,
            LISTS_WITH_ITEMS, IN_WISHLISTS, SHARED, GUEST_LIST};
}
