package dev.aftersales.host.graphql;

import dev.aftersales.host.admin.AdminGraphQl;
import dev.aftersales.host.tenancy.ShopDirectory;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * HTTP endpoints: the storefront API {@code POST /graphql} (one schema per shop), the operator API
 * {@code POST /admin/graphql}, and GraphiQL at {@code /graphiql} served from the host's own assets.
 */
@Configuration(proxyBeanMethods = false)
public class GraphQlEndpoints implements WebMvcConfigurer {

    @Bean
    RouterFunction<ServerResponse> graphQlRoutes(StorefrontGraphQl storefront, AdminGraphQl admin, ShopDirectory shops) {
        GraphQlHttpHandler storefrontHandler = new GraphQlHttpHandler(WebGraphQlHandler.builder(storefront::execute)
                .interceptors(List.of(new ShopRequestInterceptor(shops)))
                .build());
        GraphQlHttpHandler adminHandler = new GraphQlHttpHandler(WebGraphQlHandler.builder(admin::execute)
                .interceptors(List.of(admin.operatorInterceptor()))
                .build());
        return RouterFunctions.route()
                .POST("/graphql", storefrontHandler::handleRequest)
                .POST("/admin/graphql", adminHandler::handleRequest)
                .build();
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/graphiql", "/graphiql/index.html").setKeepQueryParams(true);
    }
}
