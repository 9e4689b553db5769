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
 * {@code wishlists(first: 5) { items(first: 50) { variant { name } } }} costs 5 + 5·(1 + 50·(1 + 1)).
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
        Walk walk = new Walk(execution.getFragmentsByName(), execution.getCoercedVariables().toMap());
        walk.selections(execution.getOperationDefinition().getSelectionSet(), 1, 1);
        if (walk.cost > limits.maxComplexity()) {
            throw abort("QUERY_TOO_COMPLEX", "The query costs " + walk.cost + ", more than the limit of "
                    + limits.maxComplexity() + "; ask for fewer items per list (first) or fewer fields");
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private final class Walk {

        private final Map<String, FragmentDefinition> fragments;
        private final Map<String, Object> variables;
        private long cost;

        Walk(Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
            this.fragments = fragments;
            this.variables = variables;
        }

        void selections(SelectionSet set, int depth, long multiplier) {
            Map<String, Integer> occurrences = new HashMap<>();
            selections(set.getSelections(), depth, multiplier, occurrences);
        }

        private void selections(List<Selection> selections, int depth, long multiplier,
                                Map<String, Integer> occurrences) {
            for (Selection<?> selection : selections) {
                switch (selection) {
                    case Field field -> field(field, depth, multiplier, occurrences);
                    case InlineFragment inline -> selections(inline.getSelectionSet().getSelections(), depth,
                            multiplier, occurrences);
                    case FragmentSpread spread -> selections(fragments.get(spread.getName()).getSelectionSet()
                            .getSelections(), depth, multiplier, occurrences);
                    default -> throw new IllegalStateException("Unknown selection " + selection);
                }
            }
        }

        private void field(Field field, int depth, long multiplier, Map<String, Integer> occurrences) {
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
            Integer first = first(field);
            if (first != null && (first < 1 || first > PageRequest.MAX_FIRST)) {
                throw abort("BAD_REQUEST", "'first' on field '" + name + "' must be between 1 and "
                        + PageRequest.MAX_FIRST + ", was " + first);
            }
            if (field.getSelectionSet() != null) {
                selections(field.getSelectionSet(), depth + 1, multiplier * (first == null ? 1 : first));
            }
        }

        private Integer first(Field field) {
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
            return null;
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
