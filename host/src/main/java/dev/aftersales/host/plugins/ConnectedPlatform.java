package dev.aftersales.host.plugins;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.platform.Cart;
import dev.aftersales.api.platform.CartRequest;
import dev.aftersales.api.platform.Connector;
import dev.aftersales.api.platform.Coupon;
import dev.aftersales.api.platform.CouponRequest;
import dev.aftersales.api.platform.PlatformException;
import dev.aftersales.api.platform.ShopPlatform;
import dev.aftersales.host.links.WebUrls;
import dev.aftersales.host.tenancy.Shop;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A shop's platform as features see it: every call goes to the connector of the connector plugin the shop enabled,
 * with that plugin's own context (its settings hold the platform's address and credentials).
 */
final class ConnectedPlatform implements ShopPlatform {

    private final Shop shop;
    private final Supplier<Optional<LoadedPlugin>> connectorPlugin;
    private final FeatureContexts contexts;

    ConnectedPlatform(Shop shop, Supplier<Optional<LoadedPlugin>> connectorPlugin, FeatureContexts contexts) {
        this.shop = shop;
        this.connectorPlugin = connectorPlugin;
        this.contexts = contexts;
    }

    @Override
    public Cart createCart(CartRequest request) throws PlatformException {
        LoadedPlugin plugin = plugin();
        Cart cart = connector(plugin).createCart(context(plugin), request);
        // features send the customer there (a link in a mail, a redirect): only http(s), whatever the connector does
        Optional<String> problem = WebUrls.problem("checkoutUrl", cart.checkoutUrl());
        if (problem.isPresent() || cart.checkoutUrl() == null) {
            throw new PlatformException("The shop platform's cart answer cannot be used: "
                    + problem.orElse("checkoutUrl is missing"), false);
        }
        return cart;
    }

    @Override
    public Coupon issueCoupon(CouponRequest request) throws PlatformException {
        LoadedPlugin plugin = plugin();
        return connector(plugin).issueCoupon(context(plugin), request);
    }

    @Override
    public boolean connected() {
        return connectorPlugin.get().isPresent();
    }

    private LoadedPlugin plugin() throws PlatformException {
        return connectorPlugin.get().orElseThrow(() -> new PlatformException(
                "Shop '" + shop.id() + "' has no connector to its shop platform enabled", false));
    }

    private static Connector connector(LoadedPlugin plugin) {
        return plugin.connector().orElseThrow();
    }

    private FeatureContext context(LoadedPlugin plugin) {
        return contexts.forShop(shop, plugin);
    }
}
