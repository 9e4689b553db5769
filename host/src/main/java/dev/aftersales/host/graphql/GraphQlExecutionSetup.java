package dev.aftersales.host.graphql;

import dev.aftersales.host.config.AftersalesProperties;
import graphql.GraphQL;
import org.springframework.stereotype.Component;

/** What every storefront and admin {@link GraphQL} instance shares: request limits and error mapping. */
@Component
public class GraphQlExecutionSetup {

    private final AftersalesProperties properties;

    public GraphQlExecutionSetup(AftersalesProperties properties) {
        this.properties = properties;
    }

    public GraphQL.Builder configure(GraphQL.Builder builder) {
        return builder
                .instrumentation(new QueryLimits(properties.graphql()))
                .defaultDataFetcherExceptionHandler(new ErrorMapping());
    }
}
