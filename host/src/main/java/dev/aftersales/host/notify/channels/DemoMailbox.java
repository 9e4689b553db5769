package dev.aftersales.host.notify.channels;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demo mode only, when no SMTP server is configured: mail is not sent but logged and kept (the last 50) for
 * {@code GET /demo/mails}, so a quick-start user sees the alert mail a sample webhook caused.
 */
@RestController
@ConditionalOnProperty(name = "aftersales.demo", havingValue = "true")
public class DemoMailbox {

    private static final Logger log = LoggerFactory.getLogger(DemoMailbox.class);
    private static final int KEEP = 50;

    private final Deque<Map<String, Object>> mails = new ArrayDeque<>();
    // not a bean itself: a JavaMailSenderImpl bean would make the actuator's mail health check probe a server
    private final JavaMailSenderImpl sender = new JavaMailSenderImpl() {
        @Override
        protected void doSend(MimeMessage[] messages, Object[] originals) {
            for (MimeMessage message : messages) {
                keep(message);
            }
        }
    };

    /** A sender that keeps mail instead of sending it. */
    JavaMailSender sender() {
        return sender;
    }

    /** The last mails, newest first, with headers and raw source. */
    @GetMapping("/demo/mails")
    public synchronized List<Map<String, Object>> mails() {
        return List.copyOf(mails);
    }

    private void keep(MimeMessage message) {
        try {
            // as JavaMailSenderImpl does before it sends: saving the changes would replace the Message-ID the host
            // set (the one SMTP delivery keeps), so put it back
            String messageId = message.getMessageID();
            message.saveChanges();
            if (messageId != null) {
                message.setHeader("Message-ID", messageId);
            }
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            Map<String, Object> mail = new LinkedHashMap<>();
            mail.put("messageId", message.getMessageID());
            mail.put("to", String.valueOf(List.of(message.getAllRecipients())));
            mail.put("subject", message.getSubject());
            mail.put("listUnsubscribe", message.getHeader("List-Unsubscribe", ","));
            mail.put("raw", raw.toString(StandardCharsets.UTF_8));
            keep(mail);
            log.info("Demo mode, no SMTP server: kept mail '{}' (see GET /demo/mails)", message.getSubject());
        } catch (MessagingException | IOException e) {
            throw new MailSendException("Demo mailbox could not read the message", e);
        }
    }

    private synchronized void keep(Map<String, Object> mail) {
        mails.addFirst(mail);
        while (mails.size() > KEEP) {
            mails.removeLast();
        }
    }
}
