package dev.aftersales.host.console;

import dev.aftersales.host.admin.AdminKeys;
import dev.aftersales.host.admin.Operator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a console session whose shop key was revoked since sign-in: the key stops working at once, in the console as
 * in the operator API (one primary-key read per console request).
 */
class RevokedKeySessions extends OncePerRequestFilter {

    private final AdminKeys keys;

    RevokedKeySessions(AdminKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Operator operator
                && operator.keyId() != null && !keys.isActive(operator.keyId())) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            Cookie forget = new Cookie(ConsoleSecurity.SESSION_COOKIE, "");
            forget.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
            forget.setMaxAge(0);
            response.addCookie(forget);
            response.sendRedirect(request.getContextPath() + "/admin/sign-in?revoked");
            return;
        }
        chain.doFilter(request, response);
    }
}
