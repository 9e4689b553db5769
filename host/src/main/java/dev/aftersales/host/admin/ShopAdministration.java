package dev.aftersales.host.admin;

import static dev.aftersales.host.jooq.Tables.SHOPS;
import static dev.aftersales.host.jooq.Tables.SHOP_PLUGINS;

import dev.aftersales.api.graphql.UserError;
import dev.aftersales.api.settings.SettingDefinition;
import dev.aftersales.host.jooq.tables.records.ShopPluginsRecord;
import dev.aftersales.host.links.WebUrls;
import dev.aftersales.host.plugins.FeatureContexts;
import dev.aftersales.host.plugins.LoadedPlugin;
import dev.aftersales.host.plugins.PluginRuntime;
import dev.aftersales.host.tenancy.Shop;
import dev.aftersales.host.tenancy.ShopDirectory;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.TableField;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changes to shops: creation, token settings, which plugins are enabled and their settings. Every change bumps the
 * shop's {@code config_version} in the same transaction, which is how every host instance notices it.
 */
@Component
public class ShopAdministration {

    private static final Pattern SHOP_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

    private final DSLContext db;
    private final ShopDirectory shops;
    private final PluginRuntime plugins;
    private final FeatureContexts contexts;
    private final JsonMapper json;
    private final Clock clock;

    public ShopAdministration(DSLContext db, ShopDirectory shops, PluginRuntime plugins, FeatureContexts contexts,
                              JsonMapper json, Clock clock) {
        this.db = db;
        this.shops = shops;
        this.plugins = plugins;
        this.contexts = contexts;
        this.json = json;
        this.clock = clock;
    }

    public Result<Shop> createShop(String id, String name, String jwtIssuer, String jwksUrl) {
        if (id == null || !SHOP_ID.matcher(id).matches()) {
            return Result.failed(UserError.of("INVALID", "A shop id has 2 to 64 lower-case letters, digits and dashes",
                    "input", "id"));
        }
        if (name == null || name.isBlank()) {
            return Result.failed(UserError.of("INVALID", "A shop needs a name", "input", "name"));
        }
        Optional<UserError> badJwks = jwksUrlProblem(jwksUrl);
        if (badJwks.isPresent()) {
            return Result.failed(badJwks.get());
        }
        int inserted = db.insertInto(SHOPS)
                .set(SHOPS.ID, id)
                .set(SHOPS.NAME, name)
                .set(SHOPS.JWT_ISSUER, blankToNull(jwtIssuer))
                .set(SHOPS.JWKS_URL, blankToNull(jwksUrl))
                .set(SHOPS.CONFIG_VERSION, 1L)
                .set(SHOPS.CREATED_AT, now())
                .onDuplicateKeyIgnore()
                .execute();
        if (inserted == 0) {
            return Result.failed(UserError.of("TAKEN", "A shop with id '" + id + "' exists", "input", "id"));
        }
        return Result.ok(shops.find(id).orElseThrow());
    }

    public Result<Shop> updateShop(String id, String name, String jwtIssuer, String jwksUrl) {
        Map<org.jooq.Field<?>, Object> changes = new LinkedHashMap<>();
        if (name != null) {
            if (name.isBlank()) {
                return Result.failed(UserError.of("INVALID", "A shop needs a name", "input", "name"));
            }
            changes.put(SHOPS.NAME, name);
        }
        if (jwtIssuer != null) {
            changes.put(SHOPS.JWT_ISSUER, blankToNull(jwtIssuer));
        }
        if (jwksUrl != null) {
            Optional<UserError> badJwks = jwksUrlProblem(jwksUrl);
            if (badJwks.isPresent()) {
                return Result.failed(badJwks.get());
            }
            changes.put(SHOPS.JWKS_URL, blankToNull(jwksUrl));
        }
        changes.put(SHOPS.CONFIG_VERSION, SHOPS.CONFIG_VERSION.plus(1));
        int updated = db.update(SHOPS).set(changes).where(SHOPS.ID.eq(id)).execute();
        return updated == 0 ? notFound(id) : Result.ok(shops.find(id).orElseThrow());
    }

    private static Optional<UserError> jwksUrlProblem(String jwksUrl) {
        return jwksUrl == null || jwksUrl.isBlank() ? Optional.empty()
                : WebUrls.problem("jwksUrl", jwksUrl).map(problem -> UserError.of("INVALID", problem, "input",
                        "jwksUrl"));
    }

    public Result<Shop> setEnabled(String shopId, String pluginId, boolean enabled) {
        Optional<Shop> shop = shops.find(shopId);
        if (shop.isEmpty()) {
            return notFound(shopId);
        }
        Optional<LoadedPlugin> plugin = plugins.plugin(pluginId);
        if (plugin.isEmpty()) {
            return Result.failed(UserError.of("NOT_FOUND", "No plugin '" + pluginId + "' is installed",
                    "input", "pluginId"));
        }
        if (enabled && plugin.get().connector().isPresent()) {
            Optional<LoadedPlugin> other = contexts.connectorOf(shop.get());
            if (other.isPresent() && !other.get().id().equals(pluginId)) {
                return Result.failed(UserError.of("CONNECTOR_CONFLICT", "Shop '" + shopId + "' is connected through '"
                        + other.get().id() + "'; disable it before enabling another connector", "input", "pluginId"));
            }
        }
        if (shop.get().isEnabled(pluginId) != enabled) {
            // let the feature prepare (or wind down) before the shop's schema changes
            if (enabled) {
                plugin.get().feature().onEnable(contexts.forShop(shop.get(), plugin.get()));
            } else {
                plugin.get().feature().onDisable(contexts.forShop(shop.get(), plugin.get()));
            }
            writeShopPlugin(shopId, pluginId, SHOP_PLUGINS.ENABLED, enabled);
        }
        return Result.ok(shops.find(shopId).orElseThrow());
    }

    /** Validates every given value first; one invalid value rejects the whole change. */
    public Result<Shop> updateSettings(String shopId, String pluginId, Map<String, Object> changes) {
        Optional<Shop> shop = shops.find(shopId);
        if (shop.isEmpty()) {
            return notFound(shopId);
        }
        Optional<LoadedPlugin> plugin = plugins.plugin(pluginId);
        if (plugin.isEmpty()) {
            return Result.failed(UserError.of("NOT_FOUND", "No plugin '" + pluginId + "' is installed",
                    "input", "pluginId"));
        }
        List<UserError> errors = new ArrayList<>();
        changes.forEach((key, value) -> {
            Optional<SettingDefinition> definition = plugin.get().descriptor().settings().definition(key);
            if (definition.isEmpty()) {
                errors.add(UserError.of("UNKNOWN_SETTING", "Plugin '" + pluginId + "' has no setting '" + key + "'",
                        "input", "settings", key));
            } else {
                definition.get().problemWith(value).ifPresent(problem -> errors.add(UserError.of("INVALID_SETTING",
                        "'" + key + "' " + problem, "input", "settings", key)));
            }
        });
        if (!errors.isEmpty()) {
            return Result.failed(errors);
        }
        Map<String, Object> merged = new LinkedHashMap<>(shop.get().settingValues(pluginId));
        merged.putAll(changes);
        String settings = json.writeValueAsString(merged);
        writeShopPlugin(shopId, pluginId, SHOP_PLUGINS.SETTINGS, settings);
        return Result.ok(shops.find(shopId).orElseThrow());
    }

    /**
     * Sets one column of the shop's row for the plugin (creating the row, disabled, if there is none) and bumps the
     * shop's configuration version in the same transaction.
     */
    private <T> void writeShopPlugin(String shopId, String pluginId, TableField<ShopPluginsRecord, T> column, T value) {
        db.transaction(tx -> {
            int updated = tx.dsl().update(SHOP_PLUGINS)
                    .set(column, value)
                    .set(SHOP_PLUGINS.UPDATED_AT, now())
                    .where(SHOP_PLUGINS.SHOP_ID.eq(shopId).and(SHOP_PLUGINS.PLUGIN_ID.eq(pluginId)))
                    .execute();
            if (updated == 0) {
                tx.dsl().insertInto(SHOP_PLUGINS)
                        .set(SHOP_PLUGINS.SHOP_ID, shopId)
                        .set(SHOP_PLUGINS.PLUGIN_ID, pluginId)
                        .set(SHOP_PLUGINS.ENABLED, false)
                        .set(column, value)
                        .set(SHOP_PLUGINS.UPDATED_AT, now())
                        .execute();
            }
            bumpVersion(tx.dsl(), shopId);
        });
    }

    private static void bumpVersion(DSLContext tx, String shopId) {
        tx.update(SHOPS).set(SHOPS.CONFIG_VERSION, SHOPS.CONFIG_VERSION.plus(1)).where(SHOPS.ID.eq(shopId)).execute();
    }

    private static <T> Result<T> notFound(String shopId) {
        return Result.failed(UserError.of("NOT_FOUND", "There is no shop '" + shopId + "'", "input", "shopId"));
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The outcome of an operator change: a value, or the user errors that prevented it. */
    public record Result<T>(T value, List<UserError> userErrors) {

        static <T> Result<T> ok(T value) {
            return new Result<>(value, List.of());
        }

        static <T> Result<T> failed(UserError... errors) {
            return new Result<>(null, List.of(errors));
        }

        static <T> Result<T> failed(List<UserError> errors) {
            return new Result<>(null, List.copyOf(errors));
        }
    }
}
