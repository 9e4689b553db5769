package dev.aftersales.host.graphql;

import dev.aftersales.api.graphql.PageRequest;
import dev.aftersales.host.config.AftersalesProperties;
import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Argument;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses an operation that is too deep, too costly, repeats one field under too many aliases, asks a list for
 * fewer than 1 or more than 100 items, or introspects where introspection is off — before any data fetcher runs.
 *
 * <p>Cost: every field costs 1 times the {@code first} of each list field above it, so
 * {@code wishlists(first: 5) { items(first: 50) { variant { name } } }} costs 5 + 5·(1 + 50·(1 + 1)). A {@code first}
 * that is left out (or whose variable is not sent) counts with the schema's default, which is what the field gets.
 */
final class QueryLimits extends SimplePerformantInstrumentation {

    private final AftersalesProperties.GraphQl limits;

    QueryLimits(AftersalesProperties.GraphQl limits) {
        this.limits = limits;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        Walk walk = new Walk(execution.getGraphQLSchema(), execution.getFragmentsByName(),
                execution.getCoercedVariables().toMap());
        walk.selections(execution.getOperationDefinition().getSelectionSet(),
                rootType(execution.getGraphQLSchema(), execution.getOperationDefinition().getOperation()), 1, 1);
        if (walk.cost > limits.maxComplexity()) {
            throw abort("QUERY_TOO_COMPLEX", "The query costs " + walk.cost + ", more than the limit of "
                    + limits.maxComplexity() + "; ask for fewer items per list (first) or fewer fields");
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private static GraphQLObjectType rootType(GraphQLSchema schema, OperationDefinition.Operation operation) {
        return switch (operation) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
    }

    /** Walks the operation with the type each selection set is on, to know every field's schema defaults. */
    private final class Walk {

        private final GraphQLSchema schema;
        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, Object> variables;
        private long cost;

        Walk(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
            this.schema = schema;
            this.fragments = fragments;
            this.variables = variables;
        }

        void selections(SelectionSet set, GraphQLType type, int depth, long multiplier) {
            Map<String, Integer> occurrences = new HashMap<>();
            selections(set.getSelections(), type, depth, multiplier, occurrences);
        }

        private void selections(List<Selection> selections, GraphQLType type, int depth, long multiplier,
                                Map<String, Integer> occurrences) {
            for (Selection<?> selection : selections) {
                switch (selection) {
                    case Field field -> field(field, type, depth, multiplier, occurrences);
                    case InlineFragment inline -> selections(inline.getSelectionSet().getSelections(),
                            inline.getTypeCondition() == null ? type : schema.getType(inline.getTypeCondition().getName()),
                            depth, multiplier, occurrences);
                    case FragmentSpread spread -> {
                        FragmentDefinition fragment = fragments.get(spread.getName());
                        selections(fragment.getSelectionSet().getSelections(),
                                schema.getType(fragment.getTypeCondition().getName()), depth, multiplier, occurrences);
                    }
                    default -> throw new IllegalStateException("Unknown selection " + selection);
                }
            }
        }

        private void field(Field field, GraphQLType type, int depth, long multiplier, Map<String, Integer> occurrences) {
            String name = field.getName();
            if (("__schema".equals(name) || "__type".equals(name)) && !limits.introspection()) {
                throw abort("INTROSPECTION_DISABLED", "Introspection is switched off on this server");
            }
            if (name.startsWith("__")) {
                return;
            }
            int seen = occurrences.merge(name, 1, Integer::sum);
            if (seen > limits.maxAliases()) {
                throw abort("TOO_MANY_ALIASES", "Field '" + name + "' is asked for " + seen
                        + " times in one selection; at most " + limits.maxAliases() + " aliases of a field are allowed");
            }
            if (depth > limits.maxDepth()) {
                throw abort("QUERY_TOO_DEEP", "The query nests fields " + depth + " levels deep; the limit is "
                        + limits.maxDepth());
            }
            cost += multiplier;
            GraphQLFieldDefinition definition = type instanceof GraphQLFieldsContainer container
                    ? container.getFieldDefinition(name) : null;
            Integer first = first(field, definition);
            if (first != null && (first < 1 || first > PageRequest.MAX_FIRST)) {
                throw abort("BAD_REQUEST", "'first' on field '" + name + "' must be between 1 and "
                        + PageRequest.MAX_FIRST + ", was " + first);
            }
            if (field.getSelectionSet() != null) {
                selections(field.getSelectionSet(),
                        definition == null ? null : GraphQLTypeUtil.unwrapAll(definition.getType()),
                        depth + 1, multiplier * (first == null ? 1 : first));
            }
        }

        /** The {@code first} the field will really get: the argument, its variable, or the schema's default. */
        private Integer first(Field field, GraphQLFieldDefinition definition) {
            for (Argument argument : field.getArguments()) {
                if (!"first".equals(argument.getName())) {
                    continue;
                }
                if (argument.getValue() instanceof IntValue value) {
                    return value.getValue().intValue();
                }
                if (argument.getValue() instanceof VariableReference variable
                        && variables.get(variable.getName()) instanceof Number number) {
                    return number.intValue();
                }
            }
            return schemaDefault(definition);
        }

        private static Integer schemaDefault(GraphQLFieldDefinition definition) {
            GraphQLArgument argument = definition == null ? null : definition.getArgument("first");
            if (argument == null || !argument.hasSetDefaultValue()) {
                return null;
            }
            Object value = argument.getArgumentDefaultValue().getValue();
            if (value instanceof IntValue literal) {
                return literal.getValue().intValue();
            }
            return value instanceof Number number ? number.intValue() : null;
        }
    }

    private static AbortExecutionException abort(String code, String message) {
        GraphQLError error = GraphqlErrorBuilder.newError()
                .message(message)
                .errorType(ErrorClassification.errorClassification(code))
                .extensions(Map.of("code", code))
                .build();
        return new AbortExecutionException(List.of(error));
    }
}
