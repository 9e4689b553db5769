package dev.aftersales.plugins.wishlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.graphql.Connection;
import dev.aftersales.api.platform.Cart;
import dev.aftersales.api.platform.CartLine;
import dev.aftersales.testkit.SchemaSources;
import graphql.schema.GraphQLSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The schema fragment merges with the base schema, and every field without a resolver is read from a component of
 * the same name of its source object. The rest of the conventions (descriptions, one input per mutation, userErrors,
 * resolvers for added fields) are the testkit's free checks, run before every integration test.
 */
class SchemaFragmentTest {

    @Test
    void fragmentMergesWithTheBaseSchema() {
        GraphQLSchema schema = SchemaSources.schemaOf(new WishlistFeature());

        assertThat(schema.getObjectType("Wishlist")).isNotNull();
        assertThat(schema.getObjectType("Customer").getFieldDefinition("wishlists")).isNotNull();
        assertThat(schema.getObjectType("Variant").getFieldDefinition("inWishlists")).isNotNull();
    }

    @Test
    void fieldsWithoutResolverMatchTheirSourceObjects() {
        assertThat(SchemaSources.unreadableFields(new WishlistFeature(), Map.ofEntries(
                Map.entry("Wishlist", Wishlist.class),
                Map.entry("SharedWishlist", Wishlist.class),
                Map.entry("WishlistItem", WishlistItem.class),
                Map.entry("WishlistConnection", Connection.class),
                Map.entry("WishlistItemConnection", Connection.class),
                Map.entry("WishlistEdge", Connection.Edge.class),
                Map.entry("WishlistItemEdge", Connection.Edge.class),
                Map.entry("WishlistCreatePayload", Payloads.WishlistPayload.class),
                Map.entry("WishlistRenamePayload", Payloads.WishlistPayload.class),
                Map.entry("WishlistClearPayload", Payloads.WishlistPayload.class),
                Map.entry("WishlistItemsCopyPayload", Payloads.WishlistPayload.class),
                Map.entry("WishlistItemsMovePayload", Payloads.WishlistPayload.class),
                Map.entry("WishlistUnsharePayload", Payloads.WishlistPayload.class),
                Map.entry("WishlistDeletePayload", Payloads.WishlistDeletePayload.class),
                Map.entry("WishlistItemAddPayload", Payloads.ItemPayload.class),
                Map.entry("WishlistItemUpdatePayload", Payloads.ItemPayload.class),
                Map.entry("WishlistItemRemovePayload", Payloads.ItemRemovePayload.class),
                Map.entry("WishlistSharePayload", Payloads.SharePayload.class),
                Map.entry("GuestWishlistStartPayload", Payloads.GuestStartPayload.class),
                Map.entry("WishlistMergeGuestPayload", Payloads.MergeGuestPayload.class),
                Map.entry("WishlistItemsToCartPayload", Payloads.ItemsToCartPayload.class),
                Map.entry("WishlistCart", Cart.class),
                Map.entry("WishlistCartLine", CartLine.class)))).isEmpty();
    }
}
