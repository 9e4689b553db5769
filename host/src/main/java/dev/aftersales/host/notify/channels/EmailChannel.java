package dev.aftersales.host.notify.channels;

import dev.aftersales.host.notify.settings.NotifySettings;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP: HTML and text parts, the shop's sender and reply-to, {@code Message-ID} from the message's
 * idempotency key (the same on every retry, so receivers can drop duplicates), and the RFC 8058 one-click
 * unsubscribe headers ({@code List-Unsubscribe} with the https link and an optional mailto, and
 * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}).
 */
@Component
public class EmailChannel implements DeliveryChannel {

    /** Angus Mail's SMTP exceptions carry the server's reply, which starts with its code ("550 5.1.1 ..."). */
    private static final Pattern REPLY_CODE = Pattern.compile("^\\s*([2-5][0-9][0-9])[ -]");

    private final MailSenders senders;

    EmailChannel(MailSenders senders) {
        this.senders = senders;
    }

    @Override
    public void send(OutgoingMessage message) throws DeliveryFailure {
        JavaMailSender sender = senders.forShop(message.settings()).orElseThrow(() -> new DeliveryFailure(
                "No SMTP server configured: set the shop's smtpHost or the host's spring.mail.host", true, null));
        MimeMessage mime;
        try {
            mime = compose(sender, message);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new DeliveryFailure("Cannot compose the mail: " + e.getMessage(), false, e);
        }
        try {
            sender.send(mime);
        } catch (MailParseException | MailPreparationException e) {
            throw new DeliveryFailure("Cannot compose the mail: " + e.getMessage(), false, e);
        } catch (MailException e) {
            int code = smtpReplyCode(e);
            boolean permanent = code >= 500;
            throw new DeliveryFailure((permanent ? "SMTP server refused the mail (" + code + "): "
                    : code > 0 ? "SMTP server deferred the mail (" + code + "): " : "SMTP delivery failed: ")
                    + describe(e), !permanent, e);
        }
    }

    private static MimeMessage compose(JavaMailSender sender, OutgoingMessage message)
            throws MessagingException, UnsupportedEncodingException {
        NotifySettings settings = message.settings();
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
        helper.setFrom(settings.senderEmail(), settings.senderName() != null ? settings.senderName() : message.shopName());
        if (settings.replyTo() != null) {
            helper.setReplyTo(settings.replyTo());
        }
        helper.setTo(message.email());
        helper.setSubject(message.rendered().subject());
        helper.setText(message.rendered().text(), message.rendered().html());
        // JavaMailSenderImpl keeps a Message-ID that is set before sending
        mime.setHeader("Message-ID", "<" + message.messageKey() + "@" + domain(settings.senderEmail()) + ">");
        List<String> unsubscribe = new ArrayList<>(List.of("<" + message.unsubscribeUrl() + ">"));
        if (settings.unsubscribeMailto() != null) {
            String token = message.unsubscribeUrl().substring(message.unsubscribeUrl().lastIndexOf('/') + 1);
            unsubscribe.add("<mailto:" + settings.unsubscribeMailto() + "?subject="
                    + URLEncoder.encode("unsubscribe " + token, StandardCharsets.UTF_8).replace("+", "%20") + ">");
        }
        mime.setHeader("List-Unsubscribe", String.join(", ", unsubscribe));
        mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        mime.setHeader("X-Aftersales-Feature", message.featureId());
        return mime;
    }

    private static String domain(String email) {
        return email.substring(email.indexOf('@') + 1);
    }

    /** The SMTP reply code behind a failure, or 0 when the server gave none (unreachable, timeout). */
    private static int smtpReplyCode(MailException e) {
        List<Throwable> causes = new ArrayList<>();
        causes.add(e);
        if (e instanceof MailSendException send) {
            send.getFailedMessages().values().forEach(causes::add);
        }
        for (Throwable cause : causes) {
            int depth = 0;
            for (Throwable t = cause; t != null && depth++ < 10; t = nextOf(t)) {
                Matcher reply = t instanceof MessagingException && t.getMessage() != null
                        ? REPLY_CODE.matcher(t.getMessage()) : null;
                if (reply != null && reply.find()) {
                    return Integer.parseInt(reply.group(1));
                }
            }
        }
        return 0;
    }

    private static Throwable nextOf(Throwable t) {
        if (t instanceof MessagingException messaging && messaging.getNextException() != null
                && messaging.getNextException() != t) {
            return messaging.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static String describe(MailException e) {
        Throwable root = e;
        if (e instanceof MailSendException send && !send.getFailedMessages().isEmpty()) {
            root = send.getFailedMessages().values().iterator().next();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return text.strip().replaceAll("\\s+", " ");
    }
}
