package dev.aftersales.host.admin;

import dev.aftersales.host.tenancy.ShopDirectory;
import dev.aftersales.host.graphql.AdminFeatureFetcher;
import dev.aftersales.host.graphql.ErrorCodes;
import dev.aftersales.host.graphql.GraphQlExecutionSetup;
import dev.aftersales.host.graphql.Scalars;
import dev.aftersales.host.plugins.FeatureContexts;
import dev.aftersales.host.plugins.LoadedPlugin;
import dev.aftersales.host.plugins.PluginEvents;
import graphql.GraphQL;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeRuntimeWiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.ExecutionGraphQlRequest;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The operator API: the host's schema ({@code aftersales/admin.graphqls} plus the {@code aftersales/admin-*.graphqls}
 * of host capabilities) and the operator fields of loaded plugins ({@code Wiring.adminField}), rebuilt when a plugin
 * comes or goes, executed for an authenticated operator.
 */
@Component
public class AdminGraphQl {

    private static final Logger log = LoggerFactory.getLogger(AdminGraphQl.class);

    private final String hostSchema = readSchema();
    private final List<AdminWiring> wirings;
    private final GraphQlExecutionSetup setup;
    private final FeatureContexts contexts;
    private final ShopDirectory shops;
    private final Map<String, LoadedPlugin> plugins = new ConcurrentHashMap<>();
    private final Map<String, String> pluginProblems = new ConcurrentHashMap<>();
    private volatile GraphQL graphQL;

    public AdminGraphQl(List<AdminWiring> wirings, GraphQlExecutionSetup setup, @Lazy FeatureContexts contexts,
                        @Lazy ShopDirectory shops) {
        this.wirings = wirings;
        this.setup = setup;
        this.contexts = contexts;
        this.shops = shops;
        this.graphQL = build(List.of());
    }

    /** A plugin's operator fields join the schema; one that does not fit is left out and reported. */
    @EventListener
    public synchronized void onPluginLoaded(PluginEvents.PluginLoaded event) {
        LoadedPlugin plugin = event.plugin();
        pluginProblems.remove(plugin.id());
        if (plugin.adminFragment().isBlank() && plugin.wiring().adminResolvers().isEmpty()) {
            return;
        }
        List<LoadedPlugin> candidates = new ArrayList<>(plugins.values());
        candidates.removeIf(other -> other.id().equals(plugin.id()));
        candidates.add(plugin);
        try {
            graphQL = build(candidates);
            plugins.put(plugin.id(), plugin);
        } catch (RuntimeException e) {
            pluginProblems.put(plugin.id(), e.getMessage());
            log.error("Operator API fields of plugin {} left out: {}", plugin.id(), e.getMessage());
        }
    }

    @EventListener
    public synchronized void onPluginRetiring(PluginEvents.PluginRetiring event) {
        if (plugins.remove(event.plugin().id()) != null) {
            graphQL = build(List.copyOf(plugins.values()));
        }
    }

    /** Why a plugin's operator fields were left out, if they were. */
    public java.util.Optional<String> problemOf(String pluginId) {
        return java.util.Optional.ofNullable(pluginProblems.get(pluginId));
    }

    private GraphQL build(List<LoadedPlugin> withAdminFields) {
        TypeDefinitionRegistry registry = new SchemaParser().parse(hostSchema);
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(JsonScalar.JSON)
                .scalar(Scalars.DATE_TIME)
                .scalar(Scalars.DECIMAL);
        wirings.forEach(w -> w.wire(wiring));
        for (LoadedPlugin plugin : withAdminFields) {
            if (!plugin.adminFragment().isBlank()) {
                registry.merge(new SchemaParser().parse(plugin.adminFragment()));
            }
            plugin.wiring().adminResolvers().forEach((coordinate, resolver) -> wiring.type(TypeRuntimeWiring
                    .newTypeWiring(coordinate.type())
                    .dataFetcher(coordinate.field(), new AdminFeatureFetcher(plugin, resolver, contexts, shops))));
        }
        return setup.configure(GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(registry,
                wiring.build()))).build();
    }

    public Mono<ExecutionGraphQlResponse> execute(ExecutionGraphQlRequest request) {
        var input = request.toExecutionInput();
        GraphQL current = graphQL;
        return Mono.fromFuture(() -> current.executeAsync(input))
                .map(result -> new DefaultExecutionGraphQlResponse(input, ErrorCodes.complete(result)));
    }

    /** Hands the operator the API key stands for to the resolvers. */
    public WebGraphQlInterceptor operatorInterceptor() {
        return (request, chain) -> {
            Operator operator = AdminKeyFilter.operator(request.getAttributes());
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(Map.of(Operator.class, operator)).build());
            return chain.next(request);
        };
    }

    /** {@code admin.graphqls} first, then every {@code admin-*.graphqls} a capability adds (e.g. notifications). */
    private static String readSchema() {
        try {
            Resource[] parts = new PathMatchingResourcePatternResolver(AdminGraphQl.class.getClassLoader())
                    .getResources("classpath*:aftersales/admin*.graphqls");
            StringBuilder schema = new StringBuilder();
            Arrays.stream(parts)
                    .sorted(Comparator.comparing((Resource part) -> !"admin.graphqls".equals(part.getFilename()))
                            .thenComparing(Resource::getFilename))
                    .forEach(part -> schema.append(read(part)).append('\n'));
            return schema.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Resource part) {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + part, e);
        }
    }
}
