package dev.aftersales.host.http;

import dev.aftersales.host.data.DatabaseOutages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * What the client is told about a request that failed outside GraphQL execution (reading the body, finding the shop,
 * checking the token): an HTTP status and a GraphQL-shaped body with {@code extensions.code}.
 *
 * @param retryAfter for {@code 503}: when to try again; otherwise {@code null}
 */
public record HttpFailure(HttpStatus status, String code, String message, Duration retryAfter) {

    private static final Logger log = LoggerFactory.getLogger(HttpFailure.class);

    public HttpFailure(HttpStatus status, String code, String message) {
        this(status, code, message, null);
    }

    /** The failure an unexpected exception stands for; anything not recognised is logged with a reference. */
    public static HttpFailure of(Throwable exception, Duration retryAfter) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return new HttpFailure(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", tooLarge.getMessage());
            }
        }
        if (DatabaseOutages.isOutage(exception)) {
            log.warn("Database unavailable: {}", exception.toString());
            return serviceUnavailable(retryAfter);
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error (reference {})", reference, exception);
        return new HttpFailure(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", "Internal error (reference " + reference
                + ")");
    }

    public static HttpFailure serviceUnavailable(Duration retryAfter) {
        return new HttpFailure(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                "The service cannot reach its database right now; try again in " + seconds(retryAfter) + " s",
                retryAfter);
    }

    /** {@code {"errors": [{"message": …, "extensions": {"code": …}}]}}. */
    public Map<String, Object> body() {
        return Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("code", code))));
    }

    /** The {@code Retry-After} header value in whole seconds, at least 1. */
    public static String seconds(Duration retryAfter) {
        return String.valueOf(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }
}
