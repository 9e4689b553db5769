package dev.aftersales.host.tenancy;

import dev.aftersales.host.graphql.ShopRequestInterceptor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the shop and a request id into every log line of a request ({@code shopId}, {@code requestId} in the MDC; the
 * JSON log format carries them as fields). A caller's {@code X-Request-Id} is kept, else one is made.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLogContext extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = request.getHeader("X-Request-Id");
        if (requestId == null || requestId.isBlank() || requestId.length() > 64) {
            requestId = UUID.randomUUID().toString();
        }
        response.setHeader("X-Request-Id", requestId);
        MDC.put("requestId", requestId);
        String shopId = request.getHeader(ShopRequestInterceptor.SHOP_HEADER);
        if (shopId != null && shopId.length() <= 64) {
            MDC.put("shopId", shopId);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("requestId");
            MDC.remove("shopId");
        }
    }
}
