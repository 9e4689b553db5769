package dev.aftersales.plugins.pricealert;

import com.icegreen.greenmail.util.GreenMail;
import dev.aftersales.testkit.TestShop;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;

/** Reads what GreenMail received: mail to one address, its subject and text part. */
final class Mails {

    private Mails() {
    }

    static List<MimeMessage> to(GreenMail mail, String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(message -> {
            try {
                Object[] to = message.getRecipients(Message.RecipientType.TO);
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Wakes the shop's notify workers and waits (at most 30 s) until {@code count} mails to the address arrived. */
    static List<MimeMessage> await(TestShop shop, GreenMail mail, String address, int count) {
        shop.notifications().wakeUp();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> to(mail, address).size() >= count);
        return to(mail, address);
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(MimeMessage message) {
        return part(message, "text/plain").orElseThrow(() -> new AssertionError("No text part"));
    }

    static String html(MimeMessage message) {
        return part(message, "text/html").orElseThrow(() -> new AssertionError("No HTML part"));
    }

    private static Optional<String> part(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return Optional.of((String) part.getContent());
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    Optional<String> found = part(body, type);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
            return Optional.empty();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
