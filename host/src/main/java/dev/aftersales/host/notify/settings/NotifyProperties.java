package dev.aftersales.host.notify.settings;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notification service under {@code aftersales.notify.*} (documented in docs/configuration.md).
 * Per-shop settings (sender, SMTP, caps, quiet hours) live in the database; {@code defaults} apply where a shop set
 * nothing.
 *
 * @param enabled        whether this instance runs delivery workers
 * @param workers        worker threads (virtual) claiming due messages
 * @param pollInterval   how often idle workers look for due messages
 * @param batchSize      messages claimed per round trip
 * @param lease          how long a claimed message belongs to its worker; after that another instance takes it
 * @param maxAttempts    delivery attempts before a message becomes a dead letter
 * @param firstBackoff   delay after the first failed attempt; doubles per attempt, with ±20 % jitter
 * @param maxBackoff     longest delay between attempts
 * @param smtpTimeout    connect, read and write timeout towards SMTP servers
 * @param webhookTimeout connect and response timeout of outbound webhooks
 * @param publicUrl      base URL of this host as recipients reach it (unsubscribe, confirmation, click links);
 *                       empty: {@code http://localhost:<port>}, only good for a demo
 * @param instanceId     name of this instance in {@code sent_by}; empty: host name and process id
 * @param consentExpiry  how long a double opt-in confirmation link is valid; unconfirmed requests expire then
 * @param clickLinkTtl   how long tracked links in a message keep redirecting
 * @param defaults       per-shop settings of shops that did not set them
 */
@ConfigurationProperties("aftersales.notify")
public record NotifyProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2") int workers,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("10") int batchSize,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("30s") Duration firstBackoff,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("10s") Duration smtpTimeout,
        @DefaultValue("10s") Duration webhookTimeout,
        @DefaultValue("") String publicUrl,
        @DefaultValue("") String instanceId,
        @DefaultValue("72h") Duration consentExpiry,
        @DefaultValue("180d") Duration clickLinkTtl,
        @DefaultValue Defaults defaults) {

    /**
     * @param senderEmail     From address of shops that set none
     * @param senderName      From name of shops that set none; empty: the shop's name
     * @param timeZone        time zone quiet hours are read in
     * @param quietStart      start of quiet hours (HH:mm); empty: no quiet hours
     * @param quietEnd        end of quiet hours (HH:mm)
     * @param capMax          non-transactional messages per recipient within {@code capDays}; 0: no cap
     * @param capDays         length of the cap window in days
     * @param capAction       DELAY (until a slot frees) or DROP
     * @param attributionDays how long after a click an order is attributed to the message
     * @param defaultLocale   language of recipients whose locale is unknown
     */
    public record Defaults(
            @DefaultValue("noreply@localhost") String senderEmail,
            @DefaultValue("") String senderName,
            @DefaultValue("Europe/Berlin") String timeZone,
            @DefaultValue("") String quietStart,
            @DefaultValue("") String quietEnd,
            @DefaultValue("5") int capMax,
            @DefaultValue("7") int capDays,
            @DefaultValue("DELAY") String capAction,
            @DefaultValue("7") int attributionDays,
            @DefaultValue("en") String defaultLocale) {
    }
}
