package dev.aftersales.host.plugins;

import graphql.language.Definition;
import graphql.language.DescribedNode;
import graphql.language.Description;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ObjectTypeExtensionDefinition;
import graphql.language.SDLExtensionDefinition;
import graphql.language.TypeDefinition;
import graphql.parser.Parser;
import java.util.ArrayList;
import java.util.List;

/**
 * The storefront schema's conventions, checked on a plugin's fragment: every type, field, argument, input field and
 * enum value has a description, and every mutation takes exactly one argument, named {@code input} (nullable only
 * when all its fields are optional).
 */
record SchemaConventions(List<String> undescribed, List<String> mutationsWithoutSingleInput) {

    static SchemaConventions of(String fragment) {
        List<String> undescribed = new ArrayList<>();
        List<String> mutations = new ArrayList<>();
        if (fragment == null || fragment.isBlank()) {
            return new SchemaConventions(undescribed, mutations);
        }
        Document document = Parser.parse(fragment);
        for (Definition<?> definition : document.getDefinitions()) {
            if (!(definition instanceof TypeDefinition<?> type)) {
                continue;
            }
            boolean extension = definition instanceof SDLExtensionDefinition;
            if (!extension && type instanceof DescribedNode<?> described) {
                requireDescription(described, "type " + type.getName(), undescribed);
            }
            switch (type) {
                case ObjectTypeDefinition object -> fields(object.getName(), object.getFieldDefinitions(), undescribed);
                case InterfaceTypeDefinition anInterface ->
                        fields(anInterface.getName(), anInterface.getFieldDefinitions(), undescribed);
                case InputObjectTypeDefinition input -> input.getInputValueDefinitions().forEach(value ->
                        requireDescription(value, input.getName() + "." + value.getName(), undescribed));
                case EnumTypeDefinition anEnum -> anEnum.getEnumValueDefinitions().forEach(value ->
                        requireDescription(value, anEnum.getName() + "." + value.getName(), undescribed));
                default -> {
                }
            }
            if (type instanceof ObjectTypeExtensionDefinition mutation && "Mutation".equals(mutation.getName())) {
                for (FieldDefinition field : mutation.getFieldDefinitions()) {
                    List<InputValueDefinition> arguments = field.getInputValueDefinitions();
                    if (arguments.size() != 1 || !"input".equals(arguments.getFirst().getName())) {
                        mutations.add(field.getName());
                    }
                }
            }
        }
        return new SchemaConventions(List.copyOf(undescribed), List.copyOf(mutations));
    }

    private static void fields(String type, List<FieldDefinition> fields, List<String> undescribed) {
        for (FieldDefinition field : fields) {
            requireDescription(field, type + "." + field.getName(), undescribed);
            field.getInputValueDefinitions().forEach(argument -> requireDescription(argument,
                    type + "." + field.getName() + "(" + argument.getName() + ")", undescribed));
        }
    }

    private static void requireDescription(DescribedNode<?> node, String name, List<String> undescribed) {
        Description description = node.getDescription();
        if (description == null || description.getContent() == null || description.getContent().isBlank()) {
            undescribed.add(name);
        }
    }
}
