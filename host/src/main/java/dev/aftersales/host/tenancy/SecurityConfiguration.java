package dev.aftersales.host.tenancy;

import dev.aftersales.host.admin.AdminKeyFilter;
import dev.aftersales.host.admin.AdminKeys;
import dev.aftersales.host.config.AftersalesProperties;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Four doors: the storefront ({@code /graphql}: guest or a customer token of the named shop), the operator API
 * ({@code /admin/**}: admin API key), the actuator (open; health details for the platform key), and everything else
 * (GraphiQL, demo helpers, webhooks, notification links).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain storefront(HttpSecurity http, CustomerTokenResolver tokens) throws Exception {
        return http.securityMatcher("/graphql", "/graphql/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .oauth2ResourceServer(server -> server
                        .authenticationManagerResolver(tokens)
                        .authenticationEntryPoint((request, response, exception) -> JsonErrorResponses.write(response,
                                HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED",
                                "The customer token was refused: " + exception.getMessage())))
                .addFilterAfter(new CustomerIdentity(), BearerTokenAuthenticationFilter.class)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain operator(HttpSecurity http, AdminKeys keys) throws Exception {
        return http.securityMatcher("/admin/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new AdminKeyFilter(keys), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .build();
    }

    /** Health and metrics: open to all, but the health details only for the platform key. */
    @Bean
    @Order(3)
    SecurityFilterChain actuator(HttpSecurity http, AdminKeys keys) throws Exception {
        return http.securityMatcher("/actuator/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new AdminKeyFilter(keys, false), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain everythingElse(HttpSecurity http, AftersalesProperties properties) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    if (!properties.graphql().graphiql()) {
                        requests.requestMatchers("/graphiql", "/graphiql/**").denyAll();
                    }
                    requests.anyRequest().permitAll();
                })
                .build();
    }
}
