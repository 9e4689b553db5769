package dev.aftersales.host.notify.channels;

import dev.aftersales.host.notify.settings.NotifySettings;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * A short mail sent at once, outside the outbox, with a shop's SMTP server and sender: the operator's "does my mail
 * setup work?" check. The answer is the SMTP server's own reason when it fails.
 */
@Component
public class TestMail {

    private final MailSenders senders;

    TestMail(MailSenders senders) {
        this.senders = senders;
    }

    /** Sends it; empty when the SMTP server accepted it, else why not. */
    public Optional<String> send(NotifySettings settings, String shopName, String to, Locale locale) {
        Optional<JavaMailSender> sender = senders.forShop(settings);
        if (sender.isEmpty()) {
            return Optional.of("No SMTP server configured: set the shop's smtpHost or the host's spring.mail.host");
        }
        boolean german = "de".equals(locale.getLanguage());
        try {
            MimeMessage mime = sender.get().createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
            helper.setFrom(settings.senderEmail(), settings.senderName() != null ? settings.senderName() : shopName);
            if (settings.replyTo() != null) {
                helper.setReplyTo(settings.replyTo());
            }
            helper.setTo(to);
            helper.setSubject(german ? "Testmail von " + shopName : "Test mail from " + shopName);
            helper.setText(german
                    ? "Diese Testmail zeigt, dass der Mailversand von " + shopName + " funktioniert."
                    : "This test mail shows that " + shopName + " can send mail.");
            sender.get().send(mime);
            return Optional.empty();
        } catch (MessagingException | UnsupportedEncodingException e) {
            return Optional.of("Cannot compose the mail: " + e.getMessage());
        } catch (MailException e) {
            return Optional.of("SMTP delivery failed: " + e.getMostSpecificCause().getMessage());
        }
    }
}
