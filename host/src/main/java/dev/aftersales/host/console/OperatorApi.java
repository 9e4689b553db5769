package dev.aftersales.host.console;

import dev.aftersales.host.admin.AdminGraphQl;
import dev.aftersales.host.admin.Operator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.stereotype.Component;

/**
 * The console reads and changes everything through the operator GraphQL API, executed in-process for the signed-in
 * operator: every page obeys exactly the rules of the API (a shop key sees only its shop; another shop is
 * {@code null}, as if it did not exist).
 */
@Component
public class OperatorApi {

    private final AdminGraphQl graphQl;

    public OperatorApi(AdminGraphQl graphQl) {
        this.graphQl = graphQl;
    }

    /** Runs a document; a GraphQL error (not a userError) ends the page with {@link ConsoleFailure}. */
    public OperatorAnswer call(Operator operator, String document, Map<String, Object> variables) {
        var request = new DefaultExecutionGraphQlRequest(document, null, variables, Map.of(),
                UUID.randomUUID().toString(), LocaleContextHolder.getLocale());
        request.configureExecutionInput((input, builder) ->
                builder.graphQLContext(Map.of(Operator.class, operator)).build());
        ExecutionGraphQlResponse response = graphQl.execute(request).block();
        List<ResponseError> errors = response.getErrors();
        if (!errors.isEmpty()) {
            ResponseError first = errors.getFirst();
            Object code = first.getExtensions().get("code");
            throw new ConsoleFailure(code == null ? "INTERNAL" : code.toString(), first.getMessage());
        }
        Map<String, Object> data = response.getData();
        return new OperatorAnswer(data == null ? Map.of() : data);
    }

    public OperatorAnswer call(Operator operator, String document) {
        return call(operator, document, Map.of());
    }
}
