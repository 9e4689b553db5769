package dev.aftersales.host.admin;

import dev.aftersales.api.graphql.UserError;
import dev.aftersales.host.jobs.OperatorJobRuns;
import dev.aftersales.host.plugins.ClusterProperties;
import dev.aftersales.host.jobs.JobSlots;
import dev.aftersales.host.plugins.FeatureWiring;
import dev.aftersales.host.plugins.PluginRuntime;
import dev.aftersales.host.plugins.PluginStore;
import dev.aftersales.host.tenancy.Shop;
import dev.aftersales.host.tenancy.ShopDirectory;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Operator API for plugins across host instances (deployments, per-instance states, heartbeats) and for running a
 * plugin's job by hand ({@code admin-plugins.graphqls}).
 */
@Component
class PluginAdminFetchers implements AdminWiring {

    private static final int MAX_JOB_RUNS = 100;

    private final PluginStore store;
    private final PluginRuntime plugins;
    private final OperatorJobRuns jobRuns;
    private final ShopDirectory shops;
    private final Clock clock;
    private final Duration staleAfter;

    PluginAdminFetchers(PluginStore store, PluginRuntime plugins, OperatorJobRuns jobRuns, ShopDirectory shops,
                        Clock clock, ClusterProperties cluster) {
        this.store = store;
        this.plugins = plugins;
        this.jobRuns = jobRuns;
        this.shops = shops;
        this.clock = clock;
        this.staleAfter = cluster.instanceStaleAfter();
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("pluginDeployments", env -> deployments())
                .dataFetcher("hostInstances", env -> store.instances().stream().map(instance -> Map.of(
                        "instanceId", instance.instanceId(), "startedAt", instance.startedAt(),
                        "heartbeatAt", instance.heartbeatAt(), "stale", stale(instance))).toList()));
        wiring.type("Mutation", type -> type.dataFetcher("jobRun", this::jobRun));
        wiring.type("Plugin", type -> type
                .dataFetcher("instances", env -> instances(env.<AdminFetchers.PluginView>getSource().id(),
                        desired(env.<AdminFetchers.PluginView>getSource().id())))
                .dataFetcher("jobs", env -> plugins.plugin(env.<AdminFetchers.PluginView>getSource().id())
                        .map(plugin -> plugin.wiring().jobs().stream().map(PluginAdminFetchers::job).toList())
                        .orElse(List.of())));
        wiring.type("Shop", type -> type.dataFetcher("jobRuns", env -> jobRuns.recent(env.<Shop>getSource().id(),
                Math.clamp(Optional.ofNullable(env.<Integer>getArgument("first")).orElse(20), 0, MAX_JOB_RUNS))));
    }

    private List<Map<String, Object>> deployments() {
        return store.all().stream().map(row -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("pluginId", row.pluginId());
            view.put("version", row.version());
            view.put("desiredState", row.desiredState());
            view.put("sha256", row.sha256());
            view.put("updatedAt", row.updatedAt());
            view.put("updatedBy", row.updatedBy());
            view.put("instances", instances(row.pluginId(), Optional.of(row)));
            return view;
        }).toList();
    }

    private Optional<PluginStore.StoredPlugin> desired(String pluginId) {
        return store.all().stream().filter(row -> row.pluginId().equals(pluginId)).findFirst();
    }

    /**
     * One entry per known instance: what it reported, or PENDING while it has not applied the stored change yet
     * (NOT_LOADED for a plugin that is not stored and the instance does not have).
     */
    private List<Map<String, Object>> instances(String pluginId, Optional<PluginStore.StoredPlugin> desired) {
        Map<String, PluginStore.InstanceState> reported = store.states().stream()
                .filter(state -> state.pluginId().equals(pluginId))
                .collect(Collectors.toMap(PluginStore.InstanceState::instanceId, Function.identity()));
        return store.instances().stream().map(instance -> {
            PluginStore.InstanceState state = reported.get(instance.instanceId());
            String shown;
            if (desired.isPresent() && (state == null || state.generation() < desired.get().generation())) {
                shown = "PENDING";
            } else {
                shown = state == null ? "NOT_LOADED" : state.state();
            }
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("instanceId", instance.instanceId());
            view.put("state", shown);
            view.put("loadedVersion", state == null ? null : state.loadedVersion());
            view.put("error", state == null ? null : state.error());
            view.put("updatedAt", state == null ? null : state.updatedAt());
            view.put("heartbeatAt", instance.heartbeatAt());
            view.put("stale", stale(instance));
            return view;
        }).toList();
    }

    private Map<String, Object> jobRun(DataFetchingEnvironment env) {
        Operator operator = Operator.of(env);
        Map<String, Object> input = env.getArgument("input");
        String shopId = (String) input.get("shopId");
        Optional<Shop> shop = operator.mayManage(shopId) ? shops.find(shopId) : Optional.empty();
        if (shop.isEmpty()) {
            return payload(null, List.of(UserError.of("NOT_FOUND", "There is no such shop", "input", "shopId")));
        }
        OperatorJobRuns.Result result = jobRuns.run(shop.get(), (String) input.get("pluginId"),
                (String) input.get("job"), operator.name());
        return payload(result.run(), result.userErrors());
    }

    private boolean stale(PluginStore.HostInstance instance) {
        return instance.heartbeatAt().isBefore(clock.instant().minus(staleAfter));
    }

    private static Map<String, Object> job(FeatureWiring.JobDefinition job) {
        return Map.of("name", job.name(), "interval", JobSlots.period(job.schedule()).toString(),
                "schedule", job.schedule().toString());
    }

    private static Map<String, Object> payload(OperatorJobRuns.JobRun run, List<UserError> errors) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("run", run);
        payload.put("userErrors", errors);
        return payload;
    }
}
