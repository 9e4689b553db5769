package dev.aftersales.host.http;

import dev.aftersales.host.data.DatabaseCircuit;
import dev.aftersales.host.data.DatabaseOutages;
import dev.aftersales.host.tenancy.JsonErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter of every request (before Spring Security): refuses bodies over the size limit before anything
 * reads them ({@code 413}), and turns what escapes the application — a database outage while finding the shop or
 * checking a token or storing a webhook, anything unexpected under the GraphQL endpoints — into a GraphQL-shaped
 * error with {@code extensions.code} instead of the servlet container's error page. During an outage that is
 * {@code 503} with {@code Retry-After}, so clients and the shop platform's webhook delivery try again.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestBoundary extends OncePerRequestFilter {

    private final HttpProperties properties;
    private final DatabaseCircuit database;

    public RequestBoundary(HttpProperties properties, DatabaseCircuit database) {
        this.properties = properties;
        this.database = database;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = (request.getRequestURI().startsWith("/admin/") ? properties.adminMaxRequestSize()
                : properties.maxRequestSize()).toBytes();
        if (request.getContentLengthLong() > limit) {
            write(response, new HttpFailure(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                    "The request body has " + request.getContentLengthLong() + " bytes; the limit is " + limit));
            return;
        }
        try {
            chain.doFilter(new Limited(request, limit), response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted() || !answersEveryFailure(request, e)) {
                throw e;
            }
            response.reset();
            write(response, HttpFailure.of(e, database.retryAfter()));
        }
    }

    /** Outages everywhere; anything else only where clients expect GraphQL-shaped errors. */
    private static boolean answersEveryFailure(HttpServletRequest request, Exception e) {
        String path = request.getRequestURI();
        return DatabaseOutages.isOutage(e) || path.equals("/graphql")
                || path.startsWith("/graphql/") || path.startsWith("/admin/graphql");
    }

    static void write(HttpServletResponse response, HttpFailure failure) throws IOException {
        if (failure.retryAfter() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, HttpFailure.seconds(failure.retryAfter()));
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        JsonErrorResponses.write(response, failure.status().value(), failure.code(), failure.message());
    }

    /** Counts what is read of the body and stops at the limit (bodies sent without a length). */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        CountingStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
