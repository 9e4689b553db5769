package dev.aftersales.plugins.wishlist;

import dev.aftersales.api.Feature;
import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.FeatureDescriptor;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.events.CustomerDeleted;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The wishlist feature: several named wishlists per customer, a guest wishlist kept on the server and merged into the
 * customer's default list at login, and read-only sharing by signed link.
 *
 * <p>This class only says what the feature is and wires its parts; each part is a small class named for what it does:
 * <ul>
 *   <li>{@link WishlistFetchers} — the read side ({@code Customer.wishlists}, {@code Variant.inWishlists}, list and
 *       item fields) and its batch loaders;</li>
 *   <li>{@link ListMutations}, {@link ItemMutations} — create, rename, delete, clear; add, update, remove, copy, move;</li>
 *   <li>{@link GuestWishlists} — guest tokens, the guest's list, the merge at login, expiry;</li>
 *   <li>{@link WishlistSharing} — share links and their revocation;</li>
 *   <li>{@link WishlistCarts} — a cart on the shop platform with a list's available items;</li>
 *   <li>{@link WishlistPrivacy} — GDPR export and erase; {@link WishlistReports} — operator reports;</li>
 *   <li>{@link WishlistRepository}, {@link GuestRepository} — all SQL, always scoped to the shop.</li>
 * </ul>
 * The GraphQL schema is {@code aftersales/wishlist/schema.graphqls}, the migrations are under
 * {@code aftersales/wishlist/migration}. The host creates one instance and calls it for every shop, so no part keeps
 * per-shop state in fields.
 */
@Extension
public class WishlistFeature implements Feature {

    /** The feature id: schema and migration locations, table prefix, settings and enablement all use it. */
    public static final String ID = "wishlist";

    private final GuestWishlists guests;
    private final WishlistSharing sharing;
    private final WishlistFetchers fetchers = new WishlistFetchers();
    private final ListMutations listMutations;
    private final ItemMutations itemMutations;
    private final WishlistCarts carts;
    private final WishlistPrivacy privacy = new WishlistPrivacy();

    /** PF4J creates extensions through their no-argument constructor. */
    public WishlistFeature() {
        SecretTokens tokens = new SecretTokens();
        this.guests = new GuestWishlists(tokens);
        this.sharing = new WishlistSharing(tokens);
        this.listMutations = new ListMutations(guests);
        this.itemMutations = new ItemMutations(guests);
        this.carts = new WishlistCarts(guests);
    }

    @Override
    public FeatureDescriptor descriptor() {
        return new FeatureDescriptor(ID, "Wishlist",
                "Named wishlists per customer, a guest wishlist merged at login, and read-only sharing by link.",
                WishlistSettings.SPEC);
    }

    @Override
    public void register(Wiring wiring) {
        fetchers.register(wiring);
        listMutations.register(wiring);
        itemMutations.register(wiring);
        sharing.register(wiring);
        guests.register(wiring);
        new WishlistReports().register(wiring);
        carts.register(wiring);
        wiring.listen(CustomerDeleted.class, (shop, event) -> privacy.erase(shop, event.customerId()));
    }

    @Override
    public Map<String, Object> export(FeatureContext shop, String customerId) {
        return privacy.export(shop, customerId);
    }

    @Override
    public void erase(FeatureContext shop, String customerId) {
        privacy.erase(shop, customerId);
    }
}
