package dev.aftersales.plugins.wishlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.Wiring;
import dev.aftersales.api.events.Event;
import dev.aftersales.api.events.EventListener;
import dev.aftersales.api.graphql.BatchLoader;
import dev.aftersales.api.graphql.Connection;
import dev.aftersales.api.graphql.FieldResolver;
import dev.aftersales.api.jobs.Job;
import dev.aftersales.api.platform.Cart;
import dev.aftersales.api.platform.CartLine;
import graphql.language.Description;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schema fragment against the base schema and against what {@link WishlistFeature#register} wires: it merges,
 * and every field without a resolver is read from a component of the same name of its source object. The rest of
 * the conventions (descriptions, one input per mutation, userErrors, resolvers for added fields) are the testkit's
 * free checks, run before every integration test.
 */
class SchemaFragmentTest {

    private static final Path BASE_SCHEMA = Path.of("../../schema.graphqls");

    private static TypeDefinitionRegistry fragment;
    private static GraphQLSchema schema;
    private static RecordingWiring wiring;

    @BeforeAll
    static void parse() throws IOException {
        String fragmentText = resource(new WishlistFeature().descriptor().schemaResource());
        fragment = new SchemaParser().parse(fragmentText);
        TypeDefinitionRegistry merged = new SchemaParser().parse(Files.readString(BASE_SCHEMA));
        merged.merge(new SchemaParser().parse(fragmentText));
        schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(merged);
        wiring = new RecordingWiring();
        new WishlistFeature().register(wiring);
    }

    @Test
    void fragmentMergesWithTheBaseSchema() {
        assertThat(schema.getObjectType("Wishlist")).isNotNull();
        assertThat(schema.getObjectType("Customer").getFieldDefinition("wishlists")).isNotNull();
        assertThat(schema.getObjectType("Variant").getFieldDefinition("inWishlists")).isNotNull();
    }

    /** Fields without a resolver are read from the source object: it must have a component of the same name. */
    @Test
    void fieldsWithoutResolverMatchTheirSourceObjects() {
        Map<String, Class<?>> sources = Map.ofEntries(
                Map.entry("Wishlist", Wishlist.class),
                Map.entry("SharedWishlist", Wishlist.class),
                Map.entry("WishlistItem", WishlistItem.class),
                Map.entry("WishlistConnection", Connection.class),
                Map.entry("WishlistItemConnection", Connection.class),
                Map.entry("WishlistEdge", Connection.Edge.class),
                Map.entry("WishlistItemEdge", Connection.Edge.class),
                Map.entry("WishlistCreatePayload", Payloads.WishlistPayload.class),
                Map.entry("WishlistRenamePayload", Payloads.WishlistPayload.class),
                Map.entry("WishlistClearPayload", Payloads.WishlistPayload.class),
                Map.entry("WishlistItemsCopyPayload", Payloads.WishlistPayload.class),
                Map.entry("WishlistItemsMovePayload", Payloads.WishlistPayload.class),
                Map.entry("WishlistUnsharePayload", Payloads.WishlistPayload.class),
                Map.entry("WishlistDeletePayload", Payloads.WishlistDeletePayload.class),
                Map.entry("WishlistItemAddPayload", Payloads.ItemPayload.class),
                Map.entry("WishlistItemUpdatePayload", Payloads.ItemPayload.class),
                Map.entry("WishlistItemRemovePayload", Payloads.ItemRemovePayload.class),
                Map.entry("WishlistSharePayload", Payloads.SharePayload.class),
                Map.entry("GuestWishlistStartPayload", Payloads.GuestStartPayload.class),
                Map.entry("WishlistMergeGuestPayload", Payloads.MergeGuestPayload.class),
                Map.entry("WishlistItemsToCartPayload", Payloads.ItemsToCartPayload.class),
                Map.entry("WishlistCart", Cart.class),
                Map.entry("WishlistCartLine", CartLine.class));
        Set<String> ownObjectTypes = new HashSet<>();
        fragment.types().values().stream().filter(ObjectTypeDefinition.class::isInstance)
                .forEach(type -> ownObjectTypes.add(type.getName()));
        assertThat(sources.keySet()).as("a source class for every object type of the fragment")
                .containsExactlyInAnyOrderElementsOf(ownObjectTypes);

        sources.forEach((typeName, source) -> {
            for (GraphQLFieldDefinition field : schema.getObjectType(typeName).getFieldDefinitions()) {
                if (!wiring.fields.contains(typeName + "." + field.getName())) {
                    assertThat(hasAccessor(source, field.getName()))
                            .as(typeName + "." + field.getName() + " is read from " + source.getSimpleName())
                            .isTrue();
                }
            }
        });
    }

    private static List<GraphQLFieldDefinition> ownFields(String type) {
        Set<String> names = new HashSet<>();
        fragment.objectTypeExtensions().getOrDefault(type, List.of())
                .forEach(extension -> extension.getFieldDefinitions().forEach(field -> names.add(field.getName())));
        return schema.getObjectType(type).getFieldDefinitions().stream()
                .filter(field -> names.contains(field.getName()))
                .toList();
    }

    private static boolean isBlank(Description description) {
        return description == null || description.getContent().isBlank();
    }

    private static boolean hasAccessor(Class<?> source, String name) {
        return Stream.of(source.getMethods())
                .anyMatch(method -> method.getName().equals(name) && method.getParameterCount() == 0
                        && !Modifier.isStatic(method.getModifiers()));
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = WishlistFeature.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A {@link Wiring} that only records what is registered. */
    private static final class RecordingWiring implements Wiring {

        final Set<String> fields = new HashSet<>();
        final Set<String> loaders = new HashSet<>();

        @Override
        public void field(String type, String field, FieldResolver resolver) {
            assertThat(fields.add(type + "." + field)).as("wired once: " + type + "." + field).isTrue();
        }

        @Override
        public <K, V> void batchLoader(String name, BatchLoader<K, V> loader) {
            loaders.add(name);
        }

        @Override
        public <E extends Event> void listen(Class<E> type, EventListener<E> listener) {
        }

        @Override
        public void job(String name, Duration interval, Job job) {
        }

        @Override
        public void adminField(String type, String field, FieldResolver resolver) {
        }
    }
}
