package dev.aftersales.host.graphql;

import dev.aftersales.host.plugins.LoadedPlugin;
import dev.aftersales.host.tenancy.Shop;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.InvalidSyntaxError;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.SourceLocation;
import graphql.language.TypeName;
import graphql.parser.Parser;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gives every error raised before execution an {@code extensions.code}, and turns "field undefined" into "feature
 * not enabled" when the field belongs to a plugin the shop has not enabled. The field is found by the error's
 * location in the document, not by reading graphql-java's message text.
 */
public final class ErrorCodes {

    private ErrorCodes() {
    }

    /** Codes for an operator API result, where no feature can be disabled. */
    public static ExecutionResult complete(ExecutionResult result) {
        return complete(result, "", null, List.of());
    }

    static ExecutionResult complete(ExecutionResult result, String document, Shop shop,
                                    Collection<LoadedPlugin> installed) {
        if (result.getErrors().isEmpty()) {
            return result;
        }
        Map<SourceLocation, String> names = null;
        List<GraphQLError> errors = new ArrayList<>();
        for (GraphQLError error : result.getErrors()) {
            if (error.getExtensions() != null && error.getExtensions().containsKey("code")) {
                errors.add(error);
            } else if (error instanceof InvalidSyntaxError) {
                errors.add(withCode(error, "GRAPHQL_PARSE_FAILED"));
            } else if (error instanceof ValidationError validation) {
                if (names == null) {
                    names = namesByLocation(document);
                }
                errors.add(disabledFeature(validation, names, shop, installed)
                        .orElseGet(() -> withCode(error, "GRAPHQL_VALIDATION_FAILED")));
            } else {
                errors.add(withCode(error, "INTERNAL"));
            }
        }
        return result.transform(builder -> builder.errors(errors));
    }

    private static Optional<GraphQLError> disabledFeature(ValidationError error, Map<SourceLocation, String> names,
                                                          Shop shop, Collection<LoadedPlugin> installed) {
        boolean field = error.getValidationErrorType() == ValidationErrorType.FieldUndefined;
        boolean type = error.getValidationErrorType() == ValidationErrorType.UnknownType;
        if (shop == null || (!field && !type) || error.getLocations() == null || error.getLocations().isEmpty()) {
            return Optional.empty();
        }
        String name = names.get(location(error.getLocations().getFirst()));
        if (name == null) {
            return Optional.empty();
        }
        return installed.stream()
                .filter(plugin -> !shop.isEnabled(plugin.id()))
                .filter(plugin -> field
                        ? plugin.contribution().extensionFields().stream().anyMatch(f -> f.endsWith("." + name))
                        : plugin.contribution().definesType(name))
                .findFirst()
                .map(plugin -> GraphqlErrorBuilder.newError()
                        .message((field ? "Field '" : "Type '") + name + "' belongs to the feature '" + plugin.id()
                                + "', which is not enabled for shop '" + shop.id() + "'")
                        .locations(error.getLocations())
                        .errorType(ErrorMapping.classification("FEATURE_DISABLED"))
                        .extensions(Map.of("code", "FEATURE_DISABLED", "feature", plugin.id()))
                        .build());
    }

    private static GraphQLError withCode(GraphQLError error, String code) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        extensions.put("code", code);
        return GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(error.getErrorType())
                .extensions(extensions)
                .build();
    }

    /** Field and type names of the document by their source location. */
    private static Map<SourceLocation, String> namesByLocation(String document) {
        Map<SourceLocation, String> names = new HashMap<>();
        try {
            collect(Parser.parse(document), names);
        } catch (RuntimeException e) {
            // unparseable documents fail before validation; nothing to name
        }
        return names;
    }

    private static void collect(Node<?> node, Map<SourceLocation, String> names) {
        if (node.getSourceLocation() != null) {
            if (node instanceof Field field) {
                names.put(location(field.getSourceLocation()), field.getName());
            } else if (node instanceof TypeName typeName) {
                names.put(location(typeName.getSourceLocation()), typeName.getName());
            }
        }
        for (Node<?> child : node.getChildren()) {
            collect(child, names);
        }
    }

    private static SourceLocation location(SourceLocation location) {
        return new SourceLocation(location.getLine(), location.getColumn());
    }
}
