package dev.aftersales.host.notify;

/** A way a message leaves the host: e-mail over SMTP, or the shop's webhook. */
interface DeliveryChannel {

    /** Hands the message over; returns normally only when the receiver accepted it. */
    void send(OutgoingMessage message) throws DeliveryFailure;
}
