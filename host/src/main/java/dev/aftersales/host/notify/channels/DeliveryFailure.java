package dev.aftersales.host.notify.channels;

/**
 * A channel could not hand a message over. Retryable failures (server down, timeout, 4xx SMTP reply, 5xx HTTP) are
 * tried again with backoff; permanent ones (5xx SMTP reply such as an unknown mailbox, 4xx HTTP) park the message.
 */
public class DeliveryFailure extends Exception {

    private final boolean retryable;

    public DeliveryFailure(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
