package dev.aftersales.plugins.connectorrest;

import dev.aftersales.api.platform.PlatformException;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Why one attempt to call the platform failed, and so whether it is tried again at once ({@link Kind#retried}),
 * counts against the platform in the circuit breaker ({@link Kind#platformFault}) and may succeed later
 * ({@link Kind#retryableLater}). The message is fit to show a shop's user.
 */
final class CallFailure extends Exception {

    enum Kind {
        /** No answer in time. */
        TIMEOUT(true, true, true),
        /** No connection: refused, reset, or not made in time. */
        UNREACHABLE(true, true, true),
        /** HTTP 5xx. */
        SERVER_ERROR(true, true, true),
        /** HTTP 429: the platform is healthy but wants fewer calls; not hammered with retries. */
        BUSY(false, false, true),
        /** HTTP 4xx other than 429: the same request will never succeed. */
        REFUSED(false, false, false),
        /** An answer that breaks the contract (not JSON, a missing field, an unexpected status). */
        UNREADABLE(false, true, false),
        /** The calling thread was interrupted while it waited. */
        INTERRUPTED(false, false, true);

        private final boolean retried;
        private final boolean platformFault;
        private final boolean retryableLater;

        Kind(boolean retried, boolean platformFault, boolean retryableLater) {
            this.retried = retried;
            this.platformFault = platformFault;
            this.retryableLater = retryableLater;
        }

        boolean retried() {
            return retried;
        }

        boolean platformFault() {
            return platformFault;
        }
    }

    private final Kind kind;

    CallFailure(Kind kind, String message, Throwable cause) {
        super(message, cause, false, true);
        this.kind = kind;
    }

    CallFailure(Kind kind, String message) {
        this(kind, message, null);
    }

    Kind kind() {
        return kind;
    }

    PlatformException toPlatformException() {
        return new PlatformException(getMessage(), kind.retryableLater, this);
    }

    /** A duration as people read it: {@code 2 s}, {@code 0.5 s}, {@code 1.25 s}. */
    static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString() + " s";
    }
}
