package dev.aftersales.api.platform;

/** A webhook delivery a connector cannot understand; the host keeps it as a dead letter with this message. */
public class MalformedWebhookException extends RuntimeException {

    public MalformedWebhookException(String message) {
        super(message);
    }

    public MalformedWebhookException(String message, Throwable cause) {
        super(message, cause);
    }
}
