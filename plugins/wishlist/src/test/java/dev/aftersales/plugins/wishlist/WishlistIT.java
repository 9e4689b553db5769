package dev.aftersales.plugins.wishlist;

import static dev.aftersales.plugins.wishlist.WishlistStorefront.userErrorCodes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** What a signed-in customer does with lists and items, through the real host over HTTP. */
class WishlistIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPluginUnderTest();

    private TestShop shop;
    private WishlistStorefront anna;

    @BeforeEach
    void shop(TestShop shop) {
        this.shop = shop.enable("wishlist");
        shop.catalog().variant("v-1", "Jacket", "M", "49.90", 3);
        shop.catalog().variant("v-2", "Scarf", "Red", "19.99", 0);
        shop.catalog().variant("v-3", "Gloves", "L", "9.50", 7);
        shop.catalog().variant("v-4", "Hat", "One size", "15.00", 1);
        anna = new WishlistStorefront(shop.storefront("anna"));
    }

    @Test
    void firstAddCreatesTheDefaultList() {
        GraphQlResult result = anna.mutate(WishlistDocuments.ITEM_ADD, Map.of("variantId", "v-1", "quantity", 2));

        assertThat(result.path("wishlistItemAdd.wishlist.isDefault").asBoolean()).isTrue();
        assertThat(result.path("wishlistItemAdd.wishlist.name").asString()).isEqualTo("Wishlist");
        assertThat(result.path("wishlistItemAdd.item.quantity").asInt()).isEqualTo(2);
        JsonNode defaultList = anna.execute(WishlistDocuments.DEFAULT_LIST, Map.of()).path("viewer.defaultWishlist");
        assertThat(defaultList.path("id").asString())
                .isEqualTo(result.path("wishlistItemAdd.wishlist.id").asString());
        assertThat(defaultList.path("itemCount").asInt()).isEqualTo(1);
    }

    @Test
    void addingAVariantAgainAddsTheQuantityAndReplacesTheNote() {
        String list = anna.createList("Birthday");
        anna.addItem(Map.of("wishlistId", list, "variantId", "v-1", "quantity", 1, "note", "size M"));

        GraphQlResult again = anna.mutate(WishlistDocuments.ITEM_ADD,
                Map.of("wishlistId", list, "variantId", "v-1", "quantity", 2, "note", "size L"));

        assertThat(again.path("wishlistItemAdd.item.quantity").asInt()).isEqualTo(3);
        assertThat(again.path("wishlistItemAdd.item.note").asString()).isEqualTo("size L");
        assertThat(again.path("wishlistItemAdd.wishlist.itemCount").asInt()).isEqualTo(1);
    }

    @Test
    void customerCreatesRenamesAndDeletesLists() {
        String birthday = anna.createList("Birthday");
        String christmas = anna.createList("Christmas");
        anna.addItem(christmas, "v-1", 1);

        GraphQlResult renamed = anna.mutate(WishlistDocuments.RENAME, Map.of("wishlistId", christmas, "name", " Xmas "));
        assertThat(renamed.path("wishlistRename.wishlist.name").asString()).isEqualTo("Xmas");

        GraphQlResult deleted = anna.mutate(WishlistDocuments.DELETE, Map.of("wishlistId", birthday));
        assertThat(deleted.path("wishlistDelete.deletedWishlistId").asString()).isEqualTo(birthday);
        JsonNode lists = anna.lists(10);
        assertThat(lists.path("nodes").size()).isEqualTo(1);
        // the default list went away, so the oldest remaining list became the default
        assertThat(lists.path("edges").get(0).path("node").path("isDefault").asBoolean()).isTrue();
        assertThat(anna.list(birthday, 10).isNull()).isTrue();
    }

    @Test
    void createWithABlankNameIsInvalid() {
        GraphQlResult result = anna.mutate(WishlistDocuments.CREATE, Map.of("name", "   "));

        assertThat(userErrorCodes(result, "wishlistCreate")).containsExactly("INVALID");
        assertThat(result.path("wishlistCreate.wishlist").isNull()).isTrue();
        assertThat(anna.lists(10).path("nodes").isEmpty()).isTrue();
    }

    @Test
    void itemUpdateChangesQuantityAndNote() {
        String list = anna.createList("Birthday");
        String item = anna.addItem(Map.of("wishlistId", list, "variantId", "v-1", "quantity", 1, "note", "red"));

        GraphQlResult quantity = anna.mutate(WishlistDocuments.ITEM_UPDATE, Map.of("itemId", item, "quantity", 4));
        assertThat(quantity.path("wishlistItemUpdate.item.quantity").asInt()).isEqualTo(4);
        assertThat(quantity.path("wishlistItemUpdate.item.note").asString()).isEqualTo("red");

        Map<String, Object> clearNote = new HashMap<>();
        clearNote.put("itemId", item);
        clearNote.put("note", null);
        GraphQlResult note = anna.mutate(WishlistDocuments.ITEM_UPDATE, clearNote);
        assertThat(note.path("wishlistItemUpdate.item.note").isNull()).isTrue();
        assertThat(note.path("wishlistItemUpdate.item.quantity").asInt()).isEqualTo(4);

        GraphQlResult zero = anna.mutate(WishlistDocuments.ITEM_UPDATE, Map.of("itemId", item, "quantity", 0));
        assertThat(userErrorCodes(zero, "wishlistItemUpdate")).containsExactly("INVALID");
    }

    @Test
    void itemRemoveAndClearEmptyTheList() {
        String list = anna.createList("Birthday");
        String first = anna.addItem(list, "v-1", 1);
        anna.addItem(list, "v-2", 1);
        anna.addItem(list, "v-3", 1);

        GraphQlResult removed = anna.mutate(WishlistDocuments.ITEM_REMOVE, Map.of("itemId", first));
        assertThat(removed.path("wishlistItemRemove.deletedItemId").asString()).isEqualTo(first);
        assertThat(removed.path("wishlistItemRemove.wishlist.itemCount").asInt()).isEqualTo(2);
        GraphQlResult again = anna.mutate(WishlistDocuments.ITEM_REMOVE, Map.of("itemId", first));
        assertThat(userErrorCodes(again, "wishlistItemRemove")).containsExactly("NOT_FOUND");

        GraphQlResult cleared = anna.mutate(WishlistDocuments.CLEAR, Map.of("wishlistId", list));
        assertThat(cleared.path("wishlistClear.wishlist.itemCount").asInt()).isZero();
        assertThat(anna.variantIds(list)).isEmpty();
    }

    @Test
    void copyAddsUpDuplicatesAndKeepsTheSource() {
        String birthday = anna.createList("Birthday");
        String christmas = anna.createList("Christmas");
        String jacket = anna.addItem(birthday, "v-1", 2);
        String scarf = anna.addItem(birthday, "v-2", 1);
        anna.addItem(christmas, "v-1", 1);

        GraphQlResult copied = anna.mutate(WishlistDocuments.ITEMS_COPY,
                Map.of("itemIds", List.of(jacket, scarf), "targetWishlistId", christmas));

        assertThat(copied.path("wishlistItemsCopy.wishlist.itemCount").asInt()).isEqualTo(2);
        assertThat(anna.quantities(christmas)).containsEntry("v-1", 3).containsEntry("v-2", 1);
        assertThat(anna.quantities(birthday)).containsEntry("v-1", 2).containsEntry("v-2", 1);
    }

    @Test
    void moveTakesTheItemsOffTheirList() {
        String birthday = anna.createList("Birthday");
        String christmas = anna.createList("Christmas");
        String jacket = anna.addItem(birthday, "v-1", 2);
        anna.addItem(birthday, "v-3", 1);

        GraphQlResult moved = anna.mutate(WishlistDocuments.ITEMS_MOVE,
                Map.of("itemIds", List.of(jacket), "targetWishlistId", christmas));

        assertThat(moved.path("wishlistItemsMove.wishlist.itemCount").asInt()).isEqualTo(1);
        assertThat(anna.variantIds(birthday)).containsExactly("v-3");
        assertThat(anna.quantities(christmas)).containsExactly(Map.entry("v-1", 2));
    }

    @Test
    void moveThatDoesNotFitChangesNothing() {
        shop.settings("wishlist", Map.of("maxItemsPerList", 2));
        String birthday = anna.createList("Birthday");
        String christmas = anna.createList("Christmas");
        String jacket = anna.addItem(birthday, "v-1", 1);
        String scarf = anna.addItem(birthday, "v-2", 1);
        anna.addItem(christmas, "v-3", 1);

        GraphQlResult moved = anna.mutate(WishlistDocuments.ITEMS_MOVE,
                Map.of("itemIds", List.of(jacket, scarf), "targetWishlistId", christmas));

        assertThat(userErrorCodes(moved, "wishlistItemsMove")).containsExactly("LIMIT_EXCEEDED");
        assertThat(anna.variantIds(birthday)).containsExactlyInAnyOrder("v-1", "v-2");
        assertThat(anna.variantIds(christmas)).containsExactly("v-3");
    }

    @Test
    void copyIntoTheListTheItemIsOnIsInvalid() {
        String birthday = anna.createList("Birthday");
        String jacket = anna.addItem(birthday, "v-1", 1);

        GraphQlResult copied = anna.mutate(WishlistDocuments.ITEMS_COPY,
                Map.of("itemIds", List.of(jacket), "targetWishlistId", birthday));

        assertThat(userErrorCodes(copied, "wishlistItemsCopy")).containsExactly("INVALID");
    }

    @Test
    void listAndItemLimitsComeFromTheSettings() {
        shop.settings("wishlist", Map.of("maxListsPerCustomer", 2, "maxItemsPerList", 2, "maxQuantityPerItem", 5));
        String first = anna.createList("One");
        anna.createList("Two");

        GraphQlResult third = anna.mutate(WishlistDocuments.CREATE, Map.of("name", "Three"));
        assertThat(userErrorCodes(third, "wishlistCreate")).containsExactly("LIMIT_EXCEEDED");

        anna.addItem(first, "v-1", 1);
        anna.addItem(first, "v-2", 1);
        GraphQlResult full = anna.mutate(WishlistDocuments.ITEM_ADD, Map.of("wishlistId", first, "variantId", "v-3"));
        assertThat(userErrorCodes(full, "wishlistItemAdd")).containsExactly("LIMIT_EXCEEDED");

        GraphQlResult tooMany = anna.mutate(WishlistDocuments.ITEM_ADD,
                Map.of("wishlistId", first, "variantId", "v-1", "quantity", 5));
        assertThat(userErrorCodes(tooMany, "wishlistItemAdd")).containsExactly("LIMIT_EXCEEDED");
        assertThat(anna.quantities(first)).containsEntry("v-1", 1);
    }

    @Test
    void variantNotInTheCatalogIsNotFoundAndNothingChanges() {
        GraphQlResult result = anna.mutate(WishlistDocuments.ITEM_ADD, Map.of("variantId", "no-such-variant"));

        assertThat(userErrorCodes(result, "wishlistItemAdd")).containsExactly("NOT_FOUND");
        assertThat(result.path("wishlistItemAdd.userErrors[0].field[1]").asString()).isEqualTo("variantId");
        // not even the default list was created
        assertThat(anna.lists(10).path("nodes").isEmpty()).isTrue();
    }

    @Test
    void malformedAndUnknownIdsAreNotFound() {
        String list = anna.createList("Birthday");
        String unknownList = GlobalIdsForTests.wishlist(Long.MAX_VALUE);
        String itemIdAsListId = GlobalIdsForTests.item(1);

        for (String id : List.of("garbage", unknownList, itemIdAsListId)) {
            assertThat(userErrorCodes(anna.mutate(WishlistDocuments.RENAME, Map.of("wishlistId", id, "name", "x")),
                    "wishlistRename")).as(id).containsExactly("NOT_FOUND");
            assertThat(userErrorCodes(anna.mutate(WishlistDocuments.ITEM_ADD,
                    Map.of("wishlistId", id, "variantId", "v-1")), "wishlistItemAdd")).as(id).containsExactly("NOT_FOUND");
            assertThat(userErrorCodes(anna.mutate(WishlistDocuments.ITEM_REMOVE, Map.of("itemId", id)),
                    "wishlistItemRemove")).as(id).containsExactly("NOT_FOUND");
            assertThat(anna.list(id, 1).isNull()).as(id).isTrue();
        }
        assertThat(anna.variantIds(list)).isEmpty();
    }

    @Test
    void listsArePaginated() {
        List<String> created = new ArrayList<>();
        for (String name : List.of("A", "B", "C", "D", "E")) {
            created.add(anna.createList(name));
        }

        List<String> seen = new ArrayList<>();
        String after = null;
        boolean hasNext = true;
        int pages = 0;
        while (hasNext) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("first", 2);
            variables.put("after", after);
            JsonNode page = anna.execute(WishlistDocuments.LISTS, variables).assertNoErrors().path("viewer.wishlists");
            page.path("nodes").forEach(node -> seen.add(node.path("id").asString()));
            assertThat(page.path("pageInfo").path("hasPreviousPage").asBoolean()).isEqualTo(after != null);
            hasNext = page.path("pageInfo").path("hasNextPage").asBoolean();
            after = page.path("pageInfo").path("endCursor").asString();
            pages++;
        }

        assertThat(seen).isEqualTo(created);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void itemsArePaginatedNewestFirst() {
        String list = anna.createList("Birthday");
        for (String variant : List.of("v-1", "v-2", "v-3", "v-4")) {
            anna.addItem(list, variant, 1);
        }

        JsonNode first = anna.execute(WishlistDocuments.LIST, Map.of("id", list, "first", 3)).path("viewer.wishlist.items");
        assertThat(first.path("nodes").size()).isEqualTo(3);
        assertThat(first.path("nodes").get(0).path("variantId").asString()).isEqualTo("v-4");
        assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();

        JsonNode rest = anna.execute(WishlistDocuments.LIST, Map.of("id", list, "first", 3,
                "after", first.path("pageInfo").path("endCursor").asString())).path("viewer.wishlist.items");
        assertThat(rest.path("nodes").size()).isEqualTo(1);
        assertThat(rest.path("nodes").get(0).path("variantId").asString()).isEqualTo("v-1");
        assertThat(rest.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
    }

    @Test
    void itemsResolveTheirVariantThroughTheCatalog() {
        String list = anna.createList("Birthday");
        anna.addItem(list, "v-2", 1);

        JsonNode variant = anna.list(list, 10).path("items").path("nodes").get(0).path("variant");

        assertThat(variant.path("name").asString()).isEqualTo("Red");
        assertThat(variant.path("inStock").asBoolean()).isFalse();
        assertThat(variant.path("price").path("amount").asString()).isEqualTo("19.99");
        assertThat(variant.path("price").path("currencyCode").asString()).isEqualTo("EUR");
    }

    @Test
    void variantTellsWhichOfTheCustomersListsHoldIt() {
        String birthday = anna.createList("Birthday");
        String christmas = anna.createList("Christmas");
        anna.addItem(birthday, "v-1", 1);
        anna.addItem(christmas, "v-1", 1);
        anna.addItem(christmas, "v-2", 1);

        JsonNode lists = anna.execute(WishlistDocuments.IN_WISHLISTS, Map.of("id", "v-1")).assertNoErrors()
                .path("variant.inWishlists");
        assertThat(lists.size()).isEqualTo(2);
        JsonNode forGuest = new WishlistStorefront(shop.storefront())
                .execute(WishlistDocuments.IN_WISHLISTS, Map.of("id", "v-1")).assertNoErrors().path("variant.inWishlists");
        assertThat(forGuest.isEmpty()).isTrue();
        JsonNode forOtherCustomer = new WishlistStorefront(shop.storefront("ben"))
                .execute(WishlistDocuments.IN_WISHLISTS, Map.of("id", "v-1")).assertNoErrors().path("variant.inWishlists");
        assertThat(forOtherCustomer.isEmpty()).isTrue();
    }

    @Test
    void guestsCannotUseCustomerOperations() {
        GraphQlResult result = shop.storefront().execute(WishlistDocuments.CREATE, Map.of("input", Map.of("name", "x")));

        assertThat(result.errorCodes()).containsExactly("UNAUTHENTICATED");
    }
}
