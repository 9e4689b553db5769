package dev.aftersales.testkit;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;

/**
 * Reads what the test host's GreenMail received: mail to one address, its parts and headers.
 *
 * <pre>{@code
 * MimeMessage alert = TestMails.await(shop, host.mail(), "anna@example.com", 1).getFirst();
 * assertThat(TestMails.header(alert, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
 * }</pre>
 */
public final class TestMails {

    private TestMails() {
    }

    public static List<MimeMessage> to(GreenMail mail, String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(message -> {
            try {
                return message.getRecipients(Message.RecipientType.TO) != null && Arrays.stream(
                        message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Wakes the shop's notification workers, then waits like {@link #await(GreenMail, String, int)}. */
    public static List<MimeMessage> await(TestShop shop, GreenMail mail, String address, int count) {
        shop.notifications().wakeUp();
        return await(mail, address, count);
    }

    /** Waits (at most 30 s) until {@code count} mails to the address arrived; returns them. */
    public static List<MimeMessage> await(GreenMail mail, String address, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> to(mail, address).size() >= count);
        return to(mail, address);
    }

    public static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, ", ");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(MimeMessage message) {
        return part(message, "text/plain").orElseThrow(() -> new AssertionError("No text part"));
    }

    public static String html(MimeMessage message) {
        return part(message, "text/html").orElseThrow(() -> new AssertionError("No HTML part"));
    }

    private static Optional<String> part(jakarta.mail.Part part, String type) {
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
