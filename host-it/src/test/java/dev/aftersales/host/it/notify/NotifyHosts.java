package dev.aftersales.host.it.notify;

import dev.aftersales.host.it.FixturePlugins;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.host.it.FixturePlugins;

/**
 * The hosts the notification tests share: one configuration (one Spring context) for all of them, and a second
 * instance on the same database for the multi-instance tests. Short poll interval, three attempts before a dead
 * letter and a one-second webhook timeout keep the tests quick.
 */
final class NotifyHosts {

    static final String DATABASE = "aftersales_notify";

    static final AftersalesHost PRIMARY = configured(AftersalesHost.withPlugins(FixturePlugins.pinger()))
            .withProperty("aftersales.notify.instance-id", "instance-a");

    private NotifyHosts() {
    }

    /**
     * A second instance on the primary's database, handing mail to the primary's GreenMail and writing the
     * primary's address into links (in production all instances share one public URL behind the load balancer).
     */
    static AftersalesHost secondary() {
        return configured(AftersalesHost.withPlugins(FixturePlugins.pinger()))
                .withProperty("aftersales.notify.instance-id", "instance-b")
                .withProperty("aftersales.notify.public-url", "http://localhost:" + PRIMARY.baseUrl().getPort())
                .withProperty("spring.mail.port", String.valueOf(PRIMARY.mail().getSmtp().getPort()));
    }

    private static AftersalesHost configured(AftersalesHost host) {
        return host.withProperty("aftersales.testkit.database", DATABASE)
                // the pinger fixture ships a template that does not render, on purpose (TemplatesTest)
                .withProperty("aftersales.testkit.free-checks", "false")
                .withProperty("aftersales.notify.workers", "3")
                .withProperty("aftersales.notify.poll-interval", "500ms")
                .withProperty("aftersales.notify.max-attempts", "3")
                .withProperty("aftersales.notify.smtp-timeout", "2s")
                .withProperty("aftersales.notify.webhook-timeout", "1s");
    }
}
