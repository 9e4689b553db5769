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
import graphql.ExceptionWhileDataFetching;
import graphql.SerializationError;
import graphql.TypeMismatchError;
import graphql.UnresolvedTypeError;
import graphql.execution.AbortExecutionException;
import graphql.execution.InputMapDefinesTooManyFieldsException;
import graphql.execution.MissingRootTypeException;
import graphql.execution.NonNullableFieldWasNullError;
import graphql.execution.NonNullableValueCoercedAsNullException;
import graphql.execution.OneOfNullValueException;
import graphql.execution.OneOfTooManyKeysException;
import graphql.execution.UnknownOperationException;
import graphql.introspection.GoodFaithIntrospection;
import graphql.introspection.IntrospectionDisabledError;
import graphql.relay.InvalidCursorException;
import graphql.relay.InvalidPageSizeException;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every error raised before execution an {@code extensions.code}, and turns "field undefined" into "feature
 * not enabled" when the field belongs to a plugin the shop has not enabled. The field is found by the error's
 * location in the document, not by reading graphql-java's message text.
 */
public final class ErrorCodes {

    private static final Logger log = LoggerFactory.getLogger(ErrorCodes.class);

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
            } else if (error instanceof ValidationError validation) {
                if (names == null) {
                    names = namesByLocation(document);
                }
                errors.add(disabledFeature(validation, names, shop, installed)
                        .orElseGet(() -> withCode(error, "GRAPHQL_VALIDATION_FAILED")));
            } else {
                errors.add(classified(error));
            }
        }
        return result.transform(builder -> builder.errors(errors));
    }

    /**
     * Every error graphql-java reports outside data fetching, by its type. A client's mistake gets the code that names
     * it; what only a bug in the host or a plugin can cause is {@code INTERNAL}; a type not listed here (a newer
     * graphql-java) is logged with a reference so it can be added.
     */
    private static GraphQLError classified(GraphQLError error) {
        String code = switch (error) {
            case InvalidSyntaxError syntax -> "GRAPHQL_PARSE_FAILED";
            case MissingRootTypeException missingRoot -> "GRAPHQL_VALIDATION_FAILED";
            case UnknownOperationException unknownOperation -> "OPERATION_RESOLUTION_FAILURE";
            case CoercingParseValueException value -> "BAD_USER_INPUT";
            case CoercingParseLiteralException literal -> "BAD_USER_INPUT";
            case NonNullableValueCoercedAsNullException nullValue -> "BAD_USER_INPUT";
            case InputMapDefinesTooManyFieldsException tooManyFields -> "BAD_USER_INPUT";
            case OneOfTooManyKeysException oneOfKeys -> "BAD_USER_INPUT";
            case OneOfNullValueException oneOfNull -> "BAD_USER_INPUT";
            case InvalidPageSizeException pageSize -> "BAD_USER_INPUT";
            case InvalidCursorException cursor -> "BAD_USER_INPUT";
            case GoodFaithIntrospection.BadFaithIntrospectionError badFaith -> "QUERY_TOO_COMPLEX";
            case IntrospectionDisabledError introspection -> "INTROSPECTION_DISABLED";
            case AbortExecutionException aborted -> "BAD_REQUEST";
            case NonNullableFieldWasNullError nullField -> "INTERNAL";
            case SerializationError serialization -> "INTERNAL";
            case TypeMismatchError typeMismatch -> "INTERNAL";
            case UnresolvedTypeError unresolvedType -> "INTERNAL";
            case ExceptionWhileDataFetching fetching -> "INTERNAL";
            default -> null;
        };
        return code == null || "INTERNAL".equals(code) ? internal(error, code == null) : withCode(error, code);
    }

    /** A bug (or a type not classified yet): logged with a reference the client gets instead of the details. */
    private static GraphQLError internal(GraphQLError error, boolean unclassified) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        if (unclassified) {
            log.error("Unclassified GraphQL error type {} (reference {}): {}; classify it in ErrorCodes",
                    error.getClass().getName(), reference, error.getMessage());
        } else {
            log.error("GraphQL error caused by the server (reference {}): {} {}", reference,
                    error.getClass().getSimpleName(), error.getMessage());
        }
        return GraphqlErrorBuilder.newError()
                .message("Internal error (reference " + reference + ")")
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(ErrorMapping.classification("INTERNAL"))
                .extensions(Map.of("code", "INTERNAL", "reference", reference))
                .build();
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
