package dev.aftersales.api.platform;

/**
 * The shop platform did not do what was asked: it is down, slow, refused the request, or no connector is enabled.
 * Features turn it into a user error (e.g. {@code PLATFORM_UNAVAILABLE}); nothing was changed in the shop.
 */
public class PlatformException extends Exception {

    private final boolean retryable;

    public PlatformException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public PlatformException(String message, boolean retryable) {
        this(message, retryable, null);
    }

    /** Whether the same request may succeed later (timeouts, 5xx, open circuit) rather than never (4xx). */
    public boolean retryable() {
        return retryable;
    }
}
