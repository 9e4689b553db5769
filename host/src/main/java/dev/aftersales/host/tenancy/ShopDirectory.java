package dev.aftersales.host.tenancy;

import static dev.aftersales.host.jooq.Tables.SHOPS;
import static dev.aftersales.host.jooq.Tables.SHOP_PLUGINS;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aftersales.host.config.AftersalesProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads shops and their plugin configuration. Every instance of the host keeps a short cache and compares the cached
 * {@code config_version} with the database's on each lookup (one primary-key read), so an operator's change takes
 * effect on the next request on every instance.
 */
@Component
public class ShopDirectory {

    private static final TypeReference<Map<String, Object>> SETTINGS = new TypeReference<>() {
    };

    private final DSLContext db;
    private final JsonMapper json;
    private final Clock clock;
    private final AftersalesProperties properties;
    private final Cache<String, Cached> cache = Caffeine.newBuilder().maximumSize(10_000).build();

    public ShopDirectory(DSLContext db, JsonMapper json, Clock clock, AftersalesProperties properties) {
        this.db = db;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    /** The shop's current configuration, or empty when no shop has this id. */
    public Optional<Shop> find(String shopId) {
        if (shopId == null || shopId.isBlank()) {
            return Optional.empty();
        }
        Cached cached = cache.getIfPresent(shopId);
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cached.checkedAt().plus(properties.shopCacheTtl()))) {
            return Optional.of(cached.shop());
        }
        Long version = db.select(SHOPS.CONFIG_VERSION).from(SHOPS).where(SHOPS.ID.eq(shopId)).fetchOne(SHOPS.CONFIG_VERSION);
        if (version == null) {
            cache.invalidate(shopId);
            return Optional.empty();
        }
        if (cached != null && cached.shop().version() == version) {
            cache.put(shopId, new Cached(cached.shop(), now));
            return Optional.of(cached.shop());
        }
        Optional<Shop> loaded = load(shopId);
        loaded.ifPresent(shop -> cache.put(shopId, new Cached(shop, now)));
        return loaded;
    }

    /** All shops, ordered by id, for the operator API. */
    public List<String> shopIds(String afterId, int limit) {
        return db.select(SHOPS.ID).from(SHOPS)
                .where(afterId == null ? SHOPS.ID.isNotNull() : SHOPS.ID.gt(afterId))
                .orderBy(SHOPS.ID).limit(limit).fetch(SHOPS.ID);
    }

    /** Shops that enabled a plugin, for jobs and event delivery. */
    public List<String> shopsWithPluginEnabled(String pluginId) {
        return db.select(SHOP_PLUGINS.SHOP_ID).from(SHOP_PLUGINS)
                .where(SHOP_PLUGINS.PLUGIN_ID.eq(pluginId).and(SHOP_PLUGINS.ENABLED.isTrue()))
                .orderBy(SHOP_PLUGINS.SHOP_ID).fetch(SHOP_PLUGINS.SHOP_ID);
    }

    private Optional<Shop> load(String shopId) {
        Record shop = db.select(SHOPS.ID, SHOPS.NAME, SHOPS.JWT_ISSUER, SHOPS.JWKS_URL, SHOPS.CONFIG_VERSION)
                .from(SHOPS).where(SHOPS.ID.eq(shopId)).fetchOne();
        if (shop == null) {
            return Optional.empty();
        }
        Map<String, Shop.PluginState> plugins = new HashMap<>();
        db.selectFrom(SHOP_PLUGINS).where(SHOP_PLUGINS.SHOP_ID.eq(shopId)).forEach(row -> plugins.put(
                row.getPluginId(),
                new Shop.PluginState(Boolean.TRUE.equals(row.getEnabled()), parseSettings(row.getSettings()))));
        return Optional.of(new Shop(shop.get(SHOPS.ID), shop.get(SHOPS.NAME), shop.get(SHOPS.JWT_ISSUER),
                shop.get(SHOPS.JWKS_URL), shop.get(SHOPS.CONFIG_VERSION), plugins));
    }

    private Map<String, Object> parseSettings(String text) {
        return text == null || text.isBlank() ? Map.of() : json.readValue(text, SETTINGS);
    }

    private record Cached(Shop shop, Instant checkedAt) {
    }
}
