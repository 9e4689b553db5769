package dev.aftersales.host.notify.settings;

import dev.aftersales.host.notify.pressure.QuietHours;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A shop's effective notification settings: its own values over the host's defaults.
 *
 * @param smtp          the shop's own SMTP server, or empty for the host's default
 * @param channel       how messages leave: by e-mail, or to the shop's webhook (its own ESP sends them)
 * @param capMax        non-transactional messages per recipient within {@code capDays}; 0 for no cap
 * @param quietHours    empty when the shop has none
 */
public record NotifySettings(String senderEmail, String senderName, String replyTo, Optional<SmtpServer> smtp,
                      Channel channel, String webhookUrl, String webhookSecret, ZoneId timeZone,
                      Optional<QuietHours> quietHours, int capMax, int capDays, CapAction capAction,
                      int attributionDays, String defaultLocale, String unsubscribeMailto) {

    public enum Channel { EMAIL, WEBHOOK }

    /** What happens to a message over the frequency cap. */
    public enum CapAction { DELAY, DROP }
}
