package dev.aftersales.api;

import java.util.Map;
import org.pf4j.ExtensionPoint;

/**
 * One after-sales feature (wishlist, back-in-stock alert, ...) that a shop operator can enable per shop.
 *
 * <p>Implement it in a plugin and annotate the class with {@code @org.pf4j.Extension}:
 *
 * <pre>{@code
 * @Extension
 * public class WishlistFeature implements Feature {
 *     public FeatureDescriptor descriptor() {
 *         return new FeatureDescriptor("wishlist", "Wishlist", "Named wishlists per customer.",
 *                 SettingsSpec.builder().integer("maxLists", 10, 1, 100, "Lists per customer").build());
 *     }
 *     public void register(Wiring wiring) {
 *         wiring.query("wishlists", call -> repository.lists(call.shop(), call.viewer().requireCustomer()));
 *     }
 *     public Map<String, Object> export(FeatureContext shop, String customerId) { ... }
 *     public void erase(FeatureContext shop, String customerId) { ... }
 * }
 * }</pre>
 *
 * <p>The host creates one instance per loaded plugin and calls it for every shop; keep per-shop state in the
 * database, not in fields.
 */
public interface Feature extends ExtensionPoint {

    /** Id, title, description and settings of this feature. Called once, when the plugin is loaded. */
    FeatureDescriptor descriptor();

    /** Registers the feature's GraphQL resolvers, batch loaders, event listeners and jobs. Called once. */
    void register(Wiring wiring);

    /** Called when an operator enables the feature for a shop, before the shop's schema shows it. */
    default void onEnable(FeatureContext shop) {
    }

    /** Called when an operator disables the feature for a shop. The feature's data stays. */
    default void onDisable(FeatureContext shop) {
    }

    /**
     * Everything this feature stores about a customer, for a GDPR data export. Values must be JSON-friendly
     * (maps, lists, strings, numbers, booleans).
     */
    Map<String, Object> export(FeatureContext shop, String customerId);

    /** Deletes (or anonymises) everything this feature stores about a customer in the shop. */
    void erase(FeatureContext shop, String customerId);
}
