package dev.aftersales.host.admin;

import dev.aftersales.host.tenancy.JsonErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates operator requests by admin API key ({@code Authorization: Bearer <key>} or {@code X-Api-Key}).
 * Without a valid key the request ends with 401 and a GraphQL-shaped error.
 */
public class AdminKeyFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = AdminKeyFilter.class.getName() + ".operator";

    private final AdminKeys keys;
    private final boolean required;

    public AdminKeyFilter(AdminKeys keys) {
        this(keys, true);
    }

    /**
     * @param required whether a request without a valid key ends here; when not, it goes on unauthenticated (e.g.
     *                 health, where only an operator sees details)
     */
    public AdminKeyFilter(AdminKeys keys, boolean required) {
        this.keys = keys;
        this.required = required;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = presentedKey(request);
        if (!required && key == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Operator> operator = keys.authenticate(key);
        if (operator.isEmpty()) {
            JsonErrorResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED",
                    "The operator API needs a valid admin API key: 'Authorization: Bearer <key>'");
            return;
        }
        String role = operator.get().isPlatform() ? "ROLE_PLATFORM" : "ROLE_SHOP_ADMIN";
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                operator.get(), null, List.of(new SimpleGrantedAuthority(role))));
        request.setAttribute(ATTRIBUTE, operator.get());
        chain.doFilter(request, response);
    }

    private static String presentedKey(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return request.getHeader("X-Api-Key");
    }

    /** The operator recorded for a request. */
    static Operator operator(Map<String, Object> requestAttributes) {
        return (Operator) requestAttributes.get(ATTRIBUTE);
    }
}
