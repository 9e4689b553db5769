package dev.aftersales.testkit;

import dev.aftersales.api.Feature;
import dev.aftersales.api.LinkHandler;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.events.Event;
import dev.aftersales.api.events.EventListener;
import dev.aftersales.api.graphql.BatchLoader;
import dev.aftersales.api.graphql.FieldResolver;
import dev.aftersales.api.jobs.Job;
import dev.aftersales.api.jobs.Schedule;
import graphql.language.ObjectTypeDefinition;
import graphql.language.SDLExtensionDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Checks a feature's schema fragment against its Java objects, without a host: a field without a resolver is read
 * from the object its parent resolver returns, so that object's class needs a component of the same name. Use it in a
 * plain unit test, next to the free checks the host runs.
 *
 * <pre>{@code
 * assertThat(SchemaSources.unreadableFields(new WishlistFeature(), Map.of(
 *         "Wishlist", Wishlist.class, "WishlistConnection", Connection.class, ...))).isEmpty();
 * }</pre>
 */
public final class SchemaSources {

    private static final String BASE_SCHEMA = "aftersales/schema.graphqls";

    private SchemaSources() {
    }

    /** The storefront schema of the base schema and this feature's fragment (not executable). */
    public static GraphQLSchema schemaOf(Feature feature) {
        TypeDefinitionRegistry merged = new SchemaParser().parse(resource(SchemaSources.class, BASE_SCHEMA));
        merged.merge(new SchemaParser().parse(fragment(feature)));
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(merged);
    }

    /**
     * Every problem: an object type of the fragment without a source class in {@code sources}, and every field
     * without a resolver whose source class has no public, non-static, argument-less method of its name.
     */
    public static List<String> unreadableFields(Feature feature, Map<String, Class<?>> sources) {
        GraphQLSchema schema = schemaOf(feature);
        Set<String> wired = new HashSet<>();
        feature.register(new RecordingWiring(wired));
        List<String> problems = new ArrayList<>();
        Set<String> ownTypes = new TreeSet<>();
        new SchemaParser().parse(fragment(feature)).types().values().stream()
                .filter(type -> type instanceof ObjectTypeDefinition && !(type instanceof SDLExtensionDefinition))
                .forEach(type -> ownTypes.add(type.getName()));
        ownTypes.stream().filter(type -> !sources.containsKey(type))
                .forEach(type -> problems.add(type + " has no source class"));
        sources.forEach((typeName, source) -> {
            GraphQLObjectType type = schema.getObjectType(typeName);
            if (type == null) {
                problems.add(typeName + " is not a type of the schema");
                return;
            }
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                if (!wired.contains(typeName + "." + field.getName()) && !hasAccessor(source, field.getName())) {
                    problems.add(typeName + "." + field.getName() + " has no resolver and " + source.getSimpleName()
                            + " has no " + field.getName() + "()");
                }
            }
        });
        return problems;
    }

    private static String fragment(Feature feature) {
        return resource(feature.getClass(), feature.descriptor().schemaResource());
    }

    private static boolean hasAccessor(Class<?> source, String name) {
        return Stream.of(source.getMethods()).anyMatch(method -> method.getParameterCount() == 0
                && !Modifier.isStatic(method.getModifiers())
                && (method.getName().equals(name)
                    || method.getName().equals("get" + Character.toUpperCase(name.charAt(0)) + name.substring(1))
                    || method.getName().equals("is" + Character.toUpperCase(name.charAt(0)) + name.substring(1))));
    }

    private static String resource(Class<?> owner, String path) {
        try (InputStream in = owner.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records which fields a feature wires; everything else is ignored. */
    private record RecordingWiring(Set<String> fields) implements Wiring {

        @Override
        public void field(String type, String field, FieldResolver resolver) {
            fields.add(type + "." + field);
        }

        @Override
        public void adminField(String type, String field, FieldResolver resolver) {
        }

        @Override
        public <K, V> void batchLoader(String name, BatchLoader<K, V> loader) {
        }

        @Override
        public <E extends Event> void listen(Class<E> type, EventListener<E> listener) {
        }

        @Override
        public void job(String name, Duration interval, Job job) {
        }

        @Override
        public void job(String name, Schedule schedule, Job job) {
        }

        @Override
        public void link(String name, LinkHandler handler) {
        }
    }
}
