package dev.aftersales.host.notify.channels;

/** A way a message leaves the host: e-mail over SMTP, or the shop's webhook. */
public interface DeliveryChannel {

    /** Hands the message over; returns normally only when the receiver accepted it. */
    void send(OutgoingMessage message) throws DeliveryFailure;
}
