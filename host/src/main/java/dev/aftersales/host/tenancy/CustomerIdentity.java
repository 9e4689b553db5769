package dev.aftersales.host.tenancy;

import dev.aftersales.api.graphql.Viewer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records the customer of a storefront request (the {@code sub} of the verified shop token, or a guest) as a request
 * attribute, where the GraphQL layer reads it without depending on thread-bound security state.
 */
public class CustomerIdentity extends OncePerRequestFilter {

    static final String ATTRIBUTE = CustomerIdentity.class.getName() + ".viewer";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Viewer viewer = authentication instanceof JwtAuthenticationToken jwt && jwt.isAuthenticated()
                ? Viewer.customer(jwt.getToken().getSubject())
                : Viewer.guest();
        request.setAttribute(ATTRIBUTE, viewer);
        chain.doFilter(request, response);
    }

    /** The viewer recorded for a request, guest when none was. */
    public static Viewer viewer(Map<String, Object> requestAttributes) {
        return requestAttributes.get(ATTRIBUTE) instanceof Viewer viewer ? viewer : Viewer.guest();
    }
}
