package dev.aftersales.host.graphql;

import dev.aftersales.host.plugins.FeatureContexts;
import dev.aftersales.host.plugins.FeatureWiring;
import dev.aftersales.host.plugins.LoadedPlugin;
import dev.aftersales.host.plugins.PluginLoadException;
import dev.aftersales.host.plugins.SchemaContribution;
import graphql.schema.GraphQLFieldDefinition;
import io.micrometer.core.instrument.MeterRegistry;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.TypeResolver;
import graphql.schema.idl.InterfaceWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.TypeRuntimeWiring;
import graphql.schema.idl.UnionWiringEnvironment;
import graphql.schema.idl.WiringFactory;
import graphql.schema.idl.errors.SchemaProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Builds the storefront schema for a set of plugins: the base {@code schema.graphqls}, each plugin's fragment, the
 * host's own resolvers and each plugin's resolvers.
 */
@Component
public class SchemaAssembler {

    private static final String BASE_SCHEMA = "aftersales/schema.graphqls";

    private final String baseSchema = readBaseSchema();
    private final SchemaContribution baseContribution = SchemaContribution.of(baseSchema);
    private final BaseFetchers baseFetchers;
    private final FeatureContexts contexts;
    private final MeterRegistry meters;

    public SchemaAssembler(BaseFetchers baseFetchers, @Lazy FeatureContexts contexts, MeterRegistry meters) {
        this.baseFetchers = baseFetchers;
        this.contexts = contexts;
        this.meters = meters;
    }

    /** The types and fields the base schema defines; no plugin may define them again. */
    public SchemaContribution baseContribution() {
        return baseContribution;
    }

    /** The executable schema for exactly these plugins. */
    public GraphQLSchema assemble(List<LoadedPlugin> plugins) {
        TypeDefinitionRegistry registry = new SchemaParser().parse(baseSchema);
        RuntimeWiring.Builder wiring = baseWiring();
        for (LoadedPlugin plugin : plugins) {
            if (!plugin.schemaFragment().isBlank()) {
                registry.merge(new SchemaParser().parse(plugin.schemaFragment()));
            }
            plugin.wiring().resolvers().forEach((coordinate, resolver) -> wiring.type(TypeRuntimeWiring
                    .newTypeWiring(coordinate.type())
                    .dataFetcher(coordinate.field(), new FeatureDataFetcher(plugin, coordinate.toString(), resolver,
                            contexts, meters))));
        }
        return new SchemaGenerator().makeExecutableSchema(registry, wiring.build());
    }

    /**
     * Refuses a plugin whose fragment does not build together with the base schema, or that registers a resolver
     * for a field its schema does not have.
     */
    public void check(String pluginId, String fragment, FeatureWiring featureWiring) {
        GraphQLSchema schema;
        try {
            TypeDefinitionRegistry registry = new SchemaParser().parse(baseSchema);
            if (!fragment.isBlank()) {
                registry.merge(new SchemaParser().parse(fragment));
            }
            schema = new SchemaGenerator().makeExecutableSchema(registry, baseWiring().build());
        } catch (SchemaProblem e) {
            throw new PluginLoadException(pluginId, "its schema fragment does not fit the base schema: "
                    + e.getMessage(), e);
        }
        featureWiring.resolvers().keySet().forEach(coordinate -> {
            GraphQLObjectType type = schema.getObjectType(coordinate.type());
            GraphQLFieldDefinition field = type == null ? null : type.getFieldDefinition(coordinate.field());
            if (field == null) {
                throw new PluginLoadException(pluginId, "registers a resolver for " + coordinate
                        + ", which its schema does not declare");
            }
        });
    }

    private RuntimeWiring.Builder baseWiring() {
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(Scalars.DATE_TIME)
                .scalar(Scalars.DECIMAL)
                .wiringFactory(new TypeNameResolvingWiringFactory());
        baseFetchers.wire(wiring);
        return wiring;
    }

    private static String readBaseSchema() {
        try (InputStream in = SchemaAssembler.class.getClassLoader().getResourceAsStream(BASE_SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(BASE_SCHEMA + " is missing from the host jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Resolves the object type of an interface or union value: a map's {@code __typename}, else the simple name of
     * the value's class (a plugin's {@code record Wishlist(...)} is a {@code Wishlist}).
     */
    private static final class TypeNameResolvingWiringFactory implements WiringFactory {

        private static final TypeResolver BY_NAME = environment -> {
            Object value = environment.getObject();
            String name = value instanceof Map<?, ?> map && map.get("__typename") instanceof String typename
                    ? typename
                    : value.getClass().getSimpleName();
            return environment.getSchema().getObjectType(name);
        };

        @Override
        public boolean providesTypeResolver(InterfaceWiringEnvironment environment) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(InterfaceWiringEnvironment environment) {
            return BY_NAME;
        }

        @Override
        public boolean providesTypeResolver(UnionWiringEnvironment environment) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(UnionWiringEnvironment environment) {
            return BY_NAME;
        }
    }
}
