package dev.aftersales.plugins.reorder;

/**
 * The GraphQL documents the integration tests send, in one place so that {@code ReorderDocumentsTest} can check every
 * one of them against the base schema and the fragment without a running host.
 */
final class ReorderDocuments {

    private ReorderDocuments() {
    }

    static final String USER_ERRORS = "userErrors { field code message }";
    static final String VARIANT_FIELDS = "id name inStock purchasable price { amount currencyCode }";
    static final String LINE_FIELDS = """
            variantId name status orderedQuantity returnedQuantity cartQuantity priceChanged
            orderedUnitPrice { amount currencyCode } currentUnitPrice { amount currencyCode }
            variant { %s } substitute { %s }""".formatted(VARIANT_FIELDS, VARIANT_FIELDS);
    static final String CART_FIELDS = "id checkoutUrl lines { variantId quantity variant { id name } }";

    static final String REORDER = """
            mutation($input: OrderReorderInput!) {
              orderReorder(input: $input) { cart { %s } lines { %s } %s }
            }""".formatted(CART_FIELDS, LINE_FIELDS, USER_ERRORS);

    static final String PREVIEW = """
            query($orderId: ID!) {
              orderReorderPreview(orderId: $orderId) { orderId placedAt reorderable lines { %s } }
            }""".formatted(LINE_FIELDS);

    static final String BUY_AGAIN = """
            query($first: Int, $after: String) {
              viewer {
                buyAgain(first: $first, after: $after) {
                  edges { cursor node { timesBought quantityBought lastBoughtAt
                    lastUnitPrice { amount currencyCode } variant { %s } } }
                  nodes { variant { id } }
                  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                }
              }
            }""".formatted(VARIANT_FIELDS);

    static final String BUY_AGAIN_ADD = """
            mutation($input: BuyAgainAddInput!) {
              buyAgainAdd(input: $input) { cart { %s } %s }
            }""".formatted(CART_FIELDS, USER_ERRORS);

    /** Every document above, for the schema check. */
    static final String[] ALL = {REORDER, PREVIEW, BUY_AGAIN, BUY_AGAIN_ADD};
}
