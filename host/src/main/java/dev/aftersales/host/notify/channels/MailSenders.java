package dev.aftersales.host.notify.channels;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aftersales.host.notify.settings.NotifyProperties;
import dev.aftersales.host.notify.settings.NotifySettings;
import dev.aftersales.host.notify.settings.SmtpServer;
import java.util.Optional;
import java.util.Properties;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The SMTP connection settings a shop's mail leaves through: the shop's own server, else the host's default
 * ({@code spring.mail.host}, {@code .port}, {@code .username}, {@code .password}), else in demo mode the
 * {@link DemoMailbox}. Every sender has connect, read and write timeouts, so a hanging server cannot block a worker.
 */
@Component
public class MailSenders {

    private final Environment environment;
    private final NotifyProperties properties;
    private final Optional<DemoMailbox> demoMailbox;
    private final Cache<SmtpServer, JavaMailSenderImpl> senders = Caffeine.newBuilder().maximumSize(1_000).build();

    MailSenders(Environment environment, NotifyProperties properties, Optional<DemoMailbox> demoMailbox) {
        this.environment = environment;
        this.properties = properties;
        this.demoMailbox = demoMailbox;
    }

    Optional<JavaMailSender> forShop(NotifySettings settings) {
        Optional<SmtpServer> server = settings.smtp().or(this::hostDefault);
        if (server.isPresent()) {
            return Optional.of(senders.get(server.get(), this::create));
        }
        return demoMailbox.map(DemoMailbox::sender);
    }

    private Optional<SmtpServer> hostDefault() {
        String host = environment.getProperty("spring.mail.host");
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new SmtpServer(host, environment.getProperty("spring.mail.port", Integer.class, 25),
                environment.getProperty("spring.mail.username"), environment.getProperty("spring.mail.password"),
                environment.getProperty("spring.mail.properties.mail.smtp.starttls.enable", Boolean.class, false)));
    }

    private JavaMailSenderImpl create(SmtpServer server) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(server.host());
        sender.setPort(server.port());
        sender.setUsername(server.username());
        sender.setPassword(server.password());
        sender.setDefaultEncoding("UTF-8");
        Properties mail = new Properties();
        String timeout = String.valueOf(properties.smtpTimeout().toMillis());
        mail.setProperty("mail.smtp.connectiontimeout", timeout);
        mail.setProperty("mail.smtp.timeout", timeout);
        mail.setProperty("mail.smtp.writetimeout", timeout);
        mail.setProperty("mail.smtp.auth", String.valueOf(server.username() != null));
        mail.setProperty("mail.smtp.starttls.enable", String.valueOf(server.startTls()));
        mail.setProperty("mail.smtp.starttls.required", String.valueOf(server.startTls()));
        mail.put("mail.smtp.socketFactory", NoDelaySockets.INSTANCE);
        sender.setJavaMailProperties(mail);
        return sender;
    }
}
