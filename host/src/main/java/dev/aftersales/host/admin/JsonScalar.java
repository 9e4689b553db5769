package dev.aftersales.host.admin;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.GraphQLScalarType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Any JSON value, for plugin settings whose shape each plugin declares. */
final class JsonScalar {

    private JsonScalar() {
    }

    static final GraphQLScalarType JSON = GraphQLScalarType.newScalar()
            .name("JSON")
            .description("Any JSON value")
            .coercing(new Coercing<Object, Object>() {
                @Override
                public Object serialize(Object value, GraphQLContext context, Locale locale) {
                    return value;
                }

                @Override
                public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                    return input;
                }

                @Override
                public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                           Locale locale) {
                    return literal(input, variables);
                }
            })
            .build();

    private static Object literal(Value<?> value, CoercedVariables variables) {
        return switch (value) {
            case NullValue ignored -> null;
            case StringValue string -> string.getValue();
            case BooleanValue bool -> bool.isValue();
            case IntValue integer -> integer.getValue().bitLength() < 32
                    ? (Object) integer.getValue().intValue() : integer.getValue().longValue();
            case FloatValue floating -> floating.getValue();
            case ArrayValue array -> array.getValues().stream().map(v -> literal(v, variables)).toList();
            case ObjectValue object -> {
                Map<String, Object> map = new LinkedHashMap<>();
                object.getObjectFields().forEach(field -> map.put(field.getName(), literal(field.getValue(), variables)));
                yield map;
            }
            case VariableReference variable -> variables.get(variable.getName());
            default -> throw new CoercingParseLiteralException("Not a JSON value: " + value);
        };
    }
}
