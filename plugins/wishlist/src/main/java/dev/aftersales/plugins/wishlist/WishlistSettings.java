package dev.aftersales.plugins.wishlist;

import dev.aftersales.api.settings.Settings;
import dev.aftersales.api.settings.SettingsSpec;

/**
 * The operator's settings of the wishlist feature for one shop, read once per operation. The host validates values
 * against {@link #SPEC} and applies its defaults, so the values here are always within bounds.
 */
record WishlistSettings(int maxListsPerCustomer, int maxItemsPerList, int maxQuantityPerItem, String defaultListName,
                        boolean sharingEnabled, int guestRetentionDays) {

    static final String MAX_LISTS = "maxListsPerCustomer";
    static final String MAX_ITEMS = "maxItemsPerList";
    static final String MAX_QUANTITY = "maxQuantityPerItem";
    static final String DEFAULT_LIST_NAME = "defaultListName";
    static final String SHARING_ENABLED = "sharingEnabled";
    static final String GUEST_RETENTION_DAYS = "guestRetentionDays";

    static final SettingsSpec SPEC = SettingsSpec.builder()
            .integer(MAX_LISTS, 10, 1, 100, "How many wishlists a customer may keep")
            .integer(MAX_ITEMS, 100, 1, 1000, "How many different variants one wishlist may hold")
            .integer(MAX_QUANTITY, 99, 1, 9999, "The largest quantity of one variant on a wishlist")
            .string(DEFAULT_LIST_NAME, "Wishlist", WishlistRules.MAX_NAME_LENGTH,
                    "Name of the list created on a customer's first add, and of a guest's list")
            .bool(SHARING_ENABLED, true, "Whether customers may share a list read-only by link")
            .integer(GUEST_RETENTION_DAYS, 30, 1, 365,
                    "Days a guest wishlist is kept after its last change (and a merged guest token is remembered)")
            .build();

    static WishlistSettings of(Settings settings) {
        return new WishlistSettings(
                settings.integer(MAX_LISTS),
                settings.integer(MAX_ITEMS),
                settings.integer(MAX_QUANTITY),
                settings.string(DEFAULT_LIST_NAME),
                settings.bool(SHARING_ENABLED),
                settings.integer(GUEST_RETENTION_DAYS));
    }
}
