package dev.aftersales.host.plugins;

import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.language.SDLExtensionDefinition;
import graphql.language.TypeDefinition;
import graphql.parser.Parser;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The names a schema fragment claims: the types it defines and the fields it adds to types it extends. Two plugins
 * that claim the same name cannot be in one schema; the host refuses the second.
 */
public record SchemaContribution(Set<String> types, Set<String> extensionFields) {

    public static SchemaContribution of(String fragment) {
        Set<String> types = new LinkedHashSet<>();
        Set<String> fields = new LinkedHashSet<>();
        if (fragment == null || fragment.isBlank()) {
            return new SchemaContribution(types, fields);
        }
        Document document = Parser.parse(fragment);
        for (var definition : document.getDefinitions()) {
            if (definition instanceof ObjectTypeExtensionDefinition extension) {
                for (FieldDefinition field : extension.getFieldDefinitions()) {
                    fields.add(extension.getName() + "." + field.getName());
                }
            } else if (definition instanceof TypeDefinition<?> type && !(definition instanceof SDLExtensionDefinition)) {
                types.add(type.getName());
            }
        }
        return new SchemaContribution(Set.copyOf(types), Set.copyOf(fields));
    }

    /** Names both contributions claim. */
    public Set<String> overlapWith(SchemaContribution other) {
        Set<String> overlap = new LinkedHashSet<>();
        types.stream().filter(other.types::contains).forEach(overlap::add);
        extensionFields.stream().filter(other.extensionFields::contains).forEach(overlap::add);
        return overlap;
    }

    /** Whether this contribution added {@code field} to the existing {@code type}. */
    public boolean addsField(String type, String field) {
        return extensionFields.contains(type + "." + field);
    }

    /** Whether this contribution defines the type. */
    public boolean definesType(String type) {
        return types.contains(type);
    }
}
