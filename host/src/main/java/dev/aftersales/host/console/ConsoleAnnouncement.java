package dev.aftersales.host.console;

import dev.aftersales.host.config.AftersalesProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says where the console is once the host is up (the demo's start-up output names it). */
@Component
class ConsoleAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAnnouncement.class);

    private final AftersalesProperties properties;

    ConsoleAnnouncement(AftersalesProperties properties) {
        this.properties = properties;
    }

    @EventListener
    public void announce(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        int port = web.getWebServer().getPort();
        if (properties.demo()) {
            log.info("Operator console: http://localhost:{}/admin (sign in with the platform key, "
                    + "aftersales.platform-key; the demo's is in README.md)", port);
        } else {
            log.info("Operator console: http://localhost:{}/admin", port);
        }
    }
}
