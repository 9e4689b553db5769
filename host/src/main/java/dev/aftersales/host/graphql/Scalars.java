package dev.aftersales.host.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The base schema's custom scalars. */
public final class Scalars {

    private Scalars() {
    }

    /** ISO-8601 instants; database timestamps are UTC {@link LocalDateTime}s. */
    public static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An ISO-8601 instant in UTC")
            .coercing(new Coercing<Instant, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    return switch (value) {
                        case Instant instant -> instant.toString();
                        case OffsetDateTime offset -> offset.toInstant().toString();
                        case LocalDateTime local -> local.toInstant(ZoneOffset.UTC).toString();
                        default -> throw new CoercingSerializeException("Not a date-time: " + value.getClass());
                    };
                }

                @Override
                public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
                    return parse(String.valueOf(input), CoercingParseValueException::new);
                }

                @Override
                public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                            Locale locale) {
                    if (input instanceof StringValue string) {
                        return parse(string.getValue(), CoercingParseLiteralException::new);
                    }
                    throw new CoercingParseLiteralException("DateTime must be a string such as 2026-11-23T10:15:30Z");
                }
            })
            .build();

    /** Decimals travel as strings so no client rounds a price through a float. */
    public static final GraphQLScalarType DECIMAL = GraphQLScalarType.newScalar()
            .name("Decimal")
            .description("A decimal number sent as a string")
            .coercing(new Coercing<BigDecimal, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof BigDecimal decimal) {
                        // at least two decimals, as prices are shown: 19.9000 -> "19.90", 5 -> "5.00"
                        BigDecimal stripped = decimal.stripTrailingZeros();
                        return stripped.setScale(Math.max(2, stripped.scale())).toPlainString();
                    }
                    if (value instanceof Number number) {
                        return new BigDecimal(number.toString()).toPlainString();
                    }
                    throw new CoercingSerializeException("Not a decimal: " + value.getClass());
                }

                @Override
                public BigDecimal parseValue(Object input, GraphQLContext context, Locale locale) {
                    try {
                        return new BigDecimal(String.valueOf(input));
                    } catch (NumberFormatException e) {
                        throw new CoercingParseValueException("Not a decimal number: " + input);
                    }
                }

                @Override
                public BigDecimal parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                               Locale locale) {
                    return switch (input) {
                        case StringValue string -> parseValue(string.getValue(), context, locale);
                        case IntValue integer -> new BigDecimal(integer.getValue());
                        case FloatValue floating -> floating.getValue();
                        default -> throw new CoercingParseLiteralException("Decimal must be a string such as \"19.99\"");
                    };
                }
            })
            .build();

    private static <E extends RuntimeException> Instant parse(String text,
                                                              java.util.function.Function<String, E> error) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw error.apply("Not an ISO-8601 date-time with offset: " + text);
        }
    }
}
