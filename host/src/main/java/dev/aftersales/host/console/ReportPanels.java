package dev.aftersales.host.console;

import dev.aftersales.host.plugins.LoadedPlugin;
import dev.aftersales.host.plugins.PluginRuntime;
import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Report panels plugins contribute without any change to the host: every field a plugin adds to the operator API's
 * {@code Shop} ({@code wiring.adminField("Shop", ...)}) that needs no argument and answers figures (an object of
 * numbers and texts, optionally with lists of such rows) or a list of rows becomes a panel of the reports page.
 * Figures show as a table; a list shows as a table and a bar chart of its first number per row.
 */
@Component
class ReportPanels {

    private static final Set<String> SCALARS = Set.of("Int", "Float", "String", "Boolean", "ID", "Decimal",
            "DateTime", "JSON");
    /** Objects within objects: a panel's figures, and the rows of its lists. */
    private static final int MAX_DEPTH = 2;

    /** A panel: the plugin, the {@code Shop} field and the selection that reads it. */
    record Panel(String pluginId, String pluginTitle, String field, String description, String selection) {
    }

    private final PluginRuntime plugins;

    ReportPanels(PluginRuntime plugins) {
        this.plugins = plugins;
    }

    List<Panel> panels() {
        List<Panel> panels = new ArrayList<>();
        plugins.plugins().stream().sorted(Comparator.comparing(LoadedPlugin::id))
                .filter(plugin -> plugin.adminFragment() != null && !plugin.adminFragment().isBlank())
                .forEach(plugin -> panels.addAll(panelsOf(plugin)));
        return panels;
    }

    private static List<Panel> panelsOf(LoadedPlugin plugin) {
        List<Panel> panels = new ArrayList<>();
        selections(plugin.adminFragment()).forEach((field, selection) -> panels.add(new Panel(plugin.id(),
                plugin.descriptor().title(), field, selection.description(), selection.selection())));
        return panels;
    }

    /** A {@code Shop} field's description and the selection that reads it. */
    record Selection(String description, String selection) {
    }

    /** The panels an operator API fragment adds, by {@code Shop} field, in the fragment's order. */
    static Map<String, Selection> selections(String adminFragment) {
        TypeDefinitionRegistry registry = new SchemaParser().parse(adminFragment);
        Map<String, Selection> selections = new LinkedHashMap<>();
        registry.objectTypeExtensions().getOrDefault("Shop", List.of()).forEach(shop -> shop.getFieldDefinitions()
                .forEach(field -> {
                    if (needsArguments(field)) {
                        return;
                    }
                    selection(field.getType(), registry, 0).filter(selection -> !selection.isEmpty())
                            .ifPresent(selection -> selections.put(field.getName(),
                                    new Selection(text(field.getDescription()), selection)));
                }));
        return selections;
    }

    /** The sub-selection of a type: "" for a leaf, empty when the type cannot be shown as figures or rows. */
    private static Optional<String> selection(Type<?> type, TypeDefinitionRegistry registry, int depth) {
        String name = named(type);
        if (SCALARS.contains(name) || registry.getType(name, EnumTypeDefinition.class).isPresent()) {
            return Optional.of("");
        }
        Optional<ObjectTypeDefinition> object = registry.getType(name, ObjectTypeDefinition.class);
        if (object.isEmpty() || depth >= MAX_DEPTH) {
            return Optional.empty();
        }
        StringBuilder fields = new StringBuilder();
        for (FieldDefinition field : object.get().getFieldDefinitions()) {
            if (needsArguments(field) || depth > 0 && !(leaf(field.getType(), registry))) {
                continue;
            }
            selection(field.getType(), registry, depth + 1)
                    .ifPresent(sub -> fields.append(' ').append(field.getName()).append(sub));
        }
        return fields.isEmpty() ? Optional.empty() : Optional.of(" {" + fields + " }");
    }

    private static boolean leaf(Type<?> type, TypeDefinitionRegistry registry) {
        String name = named(type);
        return SCALARS.contains(name) || registry.getType(name, EnumTypeDefinition.class).isPresent();
    }

    private static boolean needsArguments(FieldDefinition field) {
        return field.getInputValueDefinitions().stream().anyMatch(ReportPanels::required);
    }

    private static boolean required(InputValueDefinition argument) {
        return argument.getType() instanceof NonNullType && argument.getDefaultValue() == null;
    }

    private static String named(Type<?> type) {
        return switch (type) {
            case NonNullType nonNull -> named(nonNull.getType());
            case ListType list -> named(list.getType());
            case TypeName typeName -> typeName.getName();
            default -> "";
        };
    }

    private static String text(Description description) {
        return description == null ? "" : description.getContent();
    }
}
