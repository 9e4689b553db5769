package dev.aftersales.host.console;

import dev.aftersales.host.admin.AdminKeys;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The console's door: every path under {@code /admin} except the operator API ({@code /admin/graphql}, keys per
 * request). Sign-in with an admin key into a session (HttpOnly, SameSite=Lax cookie, timeout), a CSRF token on
 * every change, sign-out, and a strict content security policy (no inline scripts; the pages load only the host's
 * own assets).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    static final String SESSION_COOKIE = "JSESSIONID";

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            // mail previews carry their own inline styles; scripts never run in them (sandboxed frame)
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    static final RequestMatcher CONSOLE = ConsoleSecurity::isConsolePath;

    @Bean
    @Order(0)
    SecurityFilterChain console(HttpSecurity http, AdminKeys keys, SignInAttempts attempts,
                                ConsoleProperties properties) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler toConsole = new SavedRequestAwareAuthenticationSuccessHandler();
        toConsole.setDefaultTargetUrl("/admin");
        return http.securityMatcher(CONSOLE)
                .authenticationProvider(new AdminKeySignIn(keys, attempts))
                .addFilterBefore(new RevokedKeySessions(keys), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/admin/sign-in", "/admin/assets/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/admin/sign-in")
                        .passwordParameter("key")
                        .successHandler((request, response, authentication) -> {
                            request.getSession().setMaxInactiveInterval((int) properties.sessionTimeout().toSeconds());
                            toConsole.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureHandler((request, response, exception) -> response.sendRedirect(
                                request.getContextPath() + "/admin/sign-in?"
                                        + (exception instanceof LockedException ? "blocked" : "error"))))
                .logout(logout -> logout
                        .logoutUrl("/admin/sign-out")
                        .deleteCookies(SESSION_COOKIE)
                        .logoutSuccessUrl("/admin/sign-in?signedOut"))
                .sessionManagement(session -> session.invalidSessionUrl("/admin/sign-in?expired"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .build();
    }

    /** The session cookie is sent on top-level navigation only (no cross-site posts), and never to scripts. */
    @Bean
    CookieSameSiteSupplier consoleSessionCookie() {
        return CookieSameSiteSupplier.ofLax().whenHasName(SESSION_COOKIE);
    }

    private static boolean isConsolePath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean underAdmin = path.equals("/admin") || path.startsWith("/admin/");
        boolean operatorApi = path.equals("/admin/graphql") || path.startsWith("/admin/graphql/");
        return underAdmin && !operatorApi;
    }
}
