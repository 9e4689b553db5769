package dev.aftersales.host.graphql;

import dev.aftersales.host.admin.AdminGraphQl;
import dev.aftersales.host.data.DatabaseCircuit;
import dev.aftersales.host.http.GraphQlHttpEndpoint;
import dev.aftersales.host.http.HttpFailure;
import dev.aftersales.host.http.HttpProperties;
import dev.aftersales.host.http.PersistedQueries;
import dev.aftersales.host.tenancy.ShopDirectory;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP endpoints: the storefront API {@code GET|POST /graphql} (one schema per shop), the operator API
 * {@code POST /admin/graphql}, and GraphiQL at {@code /graphiql} served from the host's own assets. Other methods and
 * unknown paths under both answer GraphQL-shaped errors too.
 */
@Configuration(proxyBeanMethods = false)
public class GraphQlEndpoints implements WebMvcConfigurer {

    @Bean
    RouterFunction<ServerResponse> graphQlRoutes(StorefrontGraphQl storefront, AdminGraphQl admin, ShopDirectory shops,
                                                 PersistedQueries persistedQueries, JsonMapper json,
                                                 HttpProperties properties, DatabaseCircuit database) {
        GraphQlHttpEndpoint storefrontEndpoint = new GraphQlHttpEndpoint(WebGraphQlHandler.builder(storefront::execute)
                .interceptors(List.of(new ShopRequestInterceptor(shops)))
                .build(), true, persistedQueries, json, properties, database);
        GraphQlHttpEndpoint adminEndpoint = new GraphQlHttpEndpoint(WebGraphQlHandler.builder(admin::execute)
                .interceptors(List.of(admin.operatorInterceptor()))
                .build(), false, persistedQueries, json, properties, database);
        return RouterFunctions.route()
                .route(RequestPredicates.path("/graphql").and(RequestPredicates.methods(HttpMethod.GET, HttpMethod.POST)),
                        storefrontEndpoint::handle)
                .POST("/admin/graphql", adminEndpoint::handle)
                .route(RequestPredicates.path("/graphql"), request -> methodNotAllowed(request, storefrontEndpoint))
                .route(RequestPredicates.path("/admin/graphql"), request -> methodNotAllowed(request, adminEndpoint))
                .route(RequestPredicates.path("/graphql/**").or(RequestPredicates.path("/admin/graphql/**")),
                        request -> GraphQlHttpEndpoint.failure(request, new HttpFailure(HttpStatus.NOT_FOUND,
                                "NOT_FOUND", "There is nothing at " + request.path()
                                + "; the GraphQL endpoints are /graphql and /admin/graphql"), null))
                .build();
    }

    private static ServerResponse methodNotAllowed(org.springframework.web.servlet.function.ServerRequest request,
                                                   GraphQlHttpEndpoint endpoint) {
        return GraphQlHttpEndpoint.failure(request, new HttpFailure(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                request.method() + " is not supported here; use " + endpoint.allowedMethods()),
                endpoint.allowedMethods());
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/graphiql", "/graphiql/index.html").setKeepQueryParams(true);
    }
}
