package dev.aftersales.host.admin;

import dev.aftersales.host.graphql.ErrorCodes;
import dev.aftersales.host.graphql.GraphQlExecutionSetup;
import dev.aftersales.host.graphql.Scalars;
import graphql.GraphQL;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.ExecutionGraphQlRequest;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The operator API: one fixed schema ({@code aftersales/admin.graphqls}), executed for an authenticated operator. */
@Component
public class AdminGraphQl {

    private final GraphQL graphQL;

    public AdminGraphQl(List<AdminWiring> wirings, GraphQlExecutionSetup setup) {
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(JsonScalar.JSON)
                .scalar(Scalars.DATE_TIME);
        wirings.forEach(w -> w.wire(wiring));
        this.graphQL = setup.configure(GraphQL.newGraphQL(new SchemaGenerator()
                .makeExecutableSchema(new SchemaParser().parse(readSchema()), wiring.build()))).build();
    }

    public Mono<ExecutionGraphQlResponse> execute(ExecutionGraphQlRequest request) {
        var input = request.toExecutionInput();
        return Mono.fromFuture(() -> graphQL.executeAsync(input))
                .map(result -> new DefaultExecutionGraphQlResponse(input, ErrorCodes.complete(result)));
    }

    /** Hands the operator the API key stands for to the resolvers. */
    public WebGraphQlInterceptor operatorInterceptor() {
        return (request, chain) -> {
            Operator operator = AdminKeyFilter.operator(request.getAttributes());
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(Map.of(Operator.class, operator)).build());
            return chain.next(request);
        };
    }

    private static String readSchema() {
        try (InputStream in = AdminGraphQl.class.getClassLoader().getResourceAsStream("aftersales/admin.graphqls")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
