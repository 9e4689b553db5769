package dev.aftersales.host.it.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.TestMails;
import dev.aftersales.testkit.TestShop;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A feature's data that would make a link other than http(s) in a mail: the message is refused, not sent. */
class LinkRefusalTest {

    @RegisterExtension
    static final AftersalesHost host = NotifyHosts.PRIMARY;

    @Test
    void aMessageWhoseLinkIsNotHttpIsADeadLetterAndNoMailGoesOut() {
        TestShop shop = host.newShop().enable("pinger");
        String guest = "links-" + shop.id() + "@example.test";

        Pings.send(shop, Map.of("emails", List.of(guest), "locale", "en", "category", "TRANSACTIONAL",
                "link", "javascript:alert(document.cookie)"));
        Pings.send(shop, Map.of("emails", List.of(guest), "locale", "en", "category", "TRANSACTIONAL",
                "link", "https://shop.example/p/1"));

        assertThat(shop.notifications().awaitState("DEAD", 1).getFirst().getReason())
                .contains("javascript:alert(document.cookie)").contains("not an http(s) URL");
        shop.notifications().awaitState("SENT", 1);
        assertThat(TestMails.to(host.mail(), guest)).hasSize(1)
                .allSatisfy(mail -> assertThat(TestMails.html(mail)).doesNotContainIgnoringCase("javascript"));
    }
}
