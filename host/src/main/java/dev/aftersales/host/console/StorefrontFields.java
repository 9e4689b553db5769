package dev.aftersales.host.console;

import graphql.language.ObjectTypeExtensionDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The fields a plugin adds to the storefront's types (e.g. {@code Query.wishlists}), read from its schema fragment:
 * what a shop's storefront gains by enabling the feature and loses by disabling it.
 */
final class StorefrontFields {

    private StorefrontFields() {
    }

    static List<String> of(String fragment) {
        if (fragment == null || fragment.isBlank()) {
            return List.of();
        }
        TypeDefinitionRegistry registry = new SchemaParser().parse(fragment);
        List<String> fields = new ArrayList<>();
        registry.objectTypeExtensions().values().stream().flatMap(List::stream)
                .sorted(Comparator.comparing(ObjectTypeExtensionDefinition::getName))
                .forEach(type -> type.getFieldDefinitions()
                        .forEach(field -> fields.add(type.getName() + "." + field.getName())));
        return fields;
    }
}
