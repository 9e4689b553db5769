package dev.aftersales.host.admin;

import dev.aftersales.api.graphql.Connection;
import dev.aftersales.api.graphql.PageRequest;
import dev.aftersales.api.graphql.UserError;
import dev.aftersales.api.settings.SettingDefinition;
import dev.aftersales.api.settings.SettingType;
import dev.aftersales.host.plugins.LoadedPlugin;
import dev.aftersales.host.plugins.PluginDistribution;
import dev.aftersales.host.plugins.PluginLoadException;
import dev.aftersales.host.plugins.PluginRuntime;
import dev.aftersales.host.tenancy.Shop;
import dev.aftersales.host.tenancy.ShopDirectory;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Resolvers of the operator API. Every shop-scoped call checks that the key may manage the shop. */
@Component
class AdminFetchers implements AdminWiring {

    private final ShopDirectory shops;
    private final ShopAdministration administration;
    private final AdminKeys keys;
    private final PluginRuntime plugins;
    private final PluginDistribution distribution;

    AdminFetchers(ShopDirectory shops, ShopAdministration administration, AdminKeys keys, PluginRuntime plugins,
                  PluginDistribution distribution) {
        this.shops = shops;
        this.administration = administration;
        this.keys = keys;
        this.plugins = plugins;
        this.distribution = distribution;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("shops", this::shops)
                .dataFetcher("shop", env -> visibleShop(env, env.getArgument("id")).orElse(null))
                .dataFetcher("plugins", env -> plugins.plugins().stream()
                        .sorted(Comparator.comparing(LoadedPlugin::id)).map(PluginView::of).toList())
                .dataFetcher("pluginFailures", env -> plugins.failures()));
        wiring.type("Shop", type -> type.dataFetcher("plugins", env -> shopPlugins(env.getSource())));
        wiring.type("Mutation", type -> type
                .dataFetcher("shopCreate", this::shopCreate)
                .dataFetcher("shopUpdate", this::shopUpdate)
                .dataFetcher("adminApiKeyCreate", this::apiKeyCreate)
                .dataFetcher("pluginEnable", env -> setEnabled(env, true))
                .dataFetcher("pluginDisable", env -> setEnabled(env, false))
                .dataFetcher("pluginSettingsUpdate", this::settingsUpdate)
                .dataFetcher("pluginInstall", this::pluginInstall)
                .dataFetcher("pluginUninstall", this::pluginUninstall));
    }

    private Connection<Shop> shops(DataFetchingEnvironment env) {
        Operator operator = operator(env);
        PageRequest page = PageRequest.of(env.getArgument("first"), env.getArgument("after"));
        if (!operator.isPlatform()) {
            List<Shop> own = shops.find(operator.shopId()).stream().toList();
            return Connection.of(own, page, Shop::id);
        }
        List<Shop> rows = shops.shopIds(page.after().orElse(null), page.first() + 1).stream()
                .map(shops::find).flatMap(Optional::stream).toList();
        return Connection.of(rows, page, Shop::id);
    }

    private Map<String, Object> shopCreate(DataFetchingEnvironment env) {
        operator(env).requirePlatform("Creating a shop");
        Map<String, Object> input = env.getArgument("input");
        return payload("shop", administration.createShop((String) input.get("id"), (String) input.get("name"),
                (String) input.get("jwtIssuer"), (String) input.get("jwksUrl")));
    }

    private Map<String, Object> shopUpdate(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        String shopId = (String) input.get("id");
        if (visibleShop(env, shopId).isEmpty()) {
            return notFound("shop", "input", "id");
        }
        return payload("shop", administration.updateShop(shopId, (String) input.get("name"),
                (String) input.get("jwtIssuer"), (String) input.get("jwksUrl")));
    }

    private Map<String, Object> apiKeyCreate(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        String shopId = (String) input.get("shopId");
        if (visibleShop(env, shopId).isEmpty()) {
            return notFound("key", "input", "shopId");
        }
        String name = (String) input.get("name");
        if (name == null || name.isBlank()) {
            return withErrors("key", List.of(UserError.of("INVALID", "A key needs a name", "input", "name")));
        }
        return withErrors("key", List.of(), keys.create(shopId, name));
    }

    private Map<String, Object> setEnabled(DataFetchingEnvironment env, boolean enabled) {
        Map<String, Object> input = env.getArgument("input");
        String shopId = (String) input.get("shopId");
        String pluginId = (String) input.get("pluginId");
        if (visibleShop(env, shopId).isEmpty()) {
            return notFound("shopPlugin", "input", "shopId");
        }
        return shopPluginPayload(administration.setEnabled(shopId, pluginId, enabled), pluginId);
    }

    private Map<String, Object> settingsUpdate(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        String shopId = (String) input.get("shopId");
        String pluginId = (String) input.get("pluginId");
        if (visibleShop(env, shopId).isEmpty()) {
            return notFound("shopPlugin", "input", "shopId");
        }
        if (!(input.get("settings") instanceof Map<?, ?> settings)) {
            return withErrors("shopPlugin", List.of(UserError.of("INVALID",
                    "settings must be a JSON object such as {\"maxListsPerCustomer\": 5}", "input", "settings")));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> changes = (Map<String, Object>) settings;
        return shopPluginPayload(administration.updateSettings(shopId, pluginId, changes), pluginId);
    }

    private Map<String, Object> pluginInstall(DataFetchingEnvironment env) {
        operator(env).requirePlatform("Installing a plugin");
        Map<String, Object> input = env.getArgument("input");
        byte[] jar;
        try {
            jar = Base64.getMimeDecoder().decode((String) input.get("jarBase64"));
        } catch (IllegalArgumentException e) {
            return withErrors("plugin", List.of(UserError.of("INVALID", "jarBase64 is not base64", "input",
                    "jarBase64")));
        }
        try {
            return withErrors("plugin", List.of(), PluginView.of(distribution.install(jar, operator(env).name())));
        } catch (PluginLoadException e) {
            return withErrors("plugin", List.of(UserError.of(e.code(), (e.pluginId() == null ? "The uploaded file"
                    : "Plugin '" + e.pluginId() + "'") + " was not installed: " + e.getMessage(), "input", "jarBase64")));
        }
    }

    private Map<String, Object> pluginUninstall(DataFetchingEnvironment env) {
        operator(env).requirePlatform("Uninstalling a plugin");
        Map<String, Object> input = env.getArgument("input");
        String pluginId = (String) input.get("pluginId");
        if (!distribution.uninstall(pluginId, operator(env).name())) {
            return Map.of("uninstalled", false, "userErrors", List.of(UserError.of("NOT_FOUND",
                    "No plugin '" + pluginId + "' is installed", "input", "pluginId")));
        }
        return Map.of("uninstalled", true, "userErrors", List.of());
    }

    private List<Map<String, Object>> shopPlugins(Shop shop) {
        return plugins.plugins().stream()
                .sorted(Comparator.comparing(LoadedPlugin::id))
                .map(plugin -> shopPlugin(shop, plugin))
                .toList();
    }

    private static Map<String, Object> shopPlugin(Shop shop, LoadedPlugin plugin) {
        Map<String, Object> settings = new LinkedHashMap<>(plugin.descriptor().settings().defaults());
        settings.putAll(shop.settingValues(plugin.id()));
        // secrets are write-only: the view says which are set, never what they are
        List<String> secretsSet = new ArrayList<>();
        for (SettingDefinition definition : plugin.descriptor().settings().definitions()) {
            if (definition.type() == SettingType.SECRET) {
                Object secret = settings.remove(definition.key());
                if (secret instanceof String text && !text.isEmpty()) {
                    secretsSet.add(definition.key());
                }
            }
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("pluginId", plugin.id());
        view.put("title", plugin.descriptor().title());
        view.put("description", plugin.descriptor().description());
        view.put("enabled", shop.isEnabled(plugin.id()));
        view.put("settings", settings);
        view.put("secretsSet", secretsSet);
        view.put("settingDefinitions", plugin.descriptor().settings().definitions().stream()
                .map(AdminFetchers::definition).toList());
        return view;
    }

    private static Map<String, Object> definition(SettingDefinition definition) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("key", definition.key());
        view.put("type", definition.type().name());
        view.put("defaultValue", definition.defaultValue());
        view.put("min", definition.min() == null ? null : definition.min().toPlainString());
        view.put("max", definition.max() == null ? null : definition.max().toPlainString());
        view.put("description", definition.description());
        return view;
    }

    private Map<String, Object> shopPluginPayload(ShopAdministration.Result<Shop> result, String pluginId) {
        Object shopPlugin = result.value() == null ? null
                : plugins.plugin(pluginId).map(plugin -> shopPlugin(result.value(), plugin)).orElse(null);
        return withErrors("shopPlugin", result.userErrors(), shopPlugin);
    }

    private Optional<Shop> visibleShop(DataFetchingEnvironment env, String shopId) {
        return operator(env).mayManage(shopId) ? shops.find(shopId) : Optional.empty();
    }

    private static Operator operator(DataFetchingEnvironment env) {
        return Operator.of(env);
    }

    private static Map<String, Object> payload(String field, ShopAdministration.Result<?> result) {
        return withErrors(field, result.userErrors(), result.value());
    }

    private static Map<String, Object> notFound(String field, String... path) {
        return withErrors(field, List.of(UserError.of("NOT_FOUND", "There is no such shop", path)));
    }

    private static Map<String, Object> withErrors(String field, List<UserError> errors) {
        return withErrors(field, errors, null);
    }

    private static Map<String, Object> withErrors(String field, List<UserError> errors, Object value) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put(field, value);
        payload.put("userErrors", errors);
        return payload;
    }

    /** A loaded plugin as the operator API shows it. */
    record PluginView(String id, String version, String title, String description, String requires) {
        static PluginView of(LoadedPlugin plugin) {
            return new PluginView(plugin.id(), plugin.version(), plugin.descriptor().title(),
                    plugin.descriptor().description(), plugin.requires());
        }
    }
}
