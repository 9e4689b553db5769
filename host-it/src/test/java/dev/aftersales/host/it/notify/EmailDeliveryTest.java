package dev.aftersales.host.it.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.host.jooq.tables.records.NotifyMessagesRecord;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestMails;
import dev.aftersales.testkit.TestShop;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a recipient receives: both parts, the shop's sender, the right language, the unsubscribe headers. */
class EmailDeliveryTest {

    @RegisterExtension
    static final AftersalesHost host = NotifyHosts.PRIMARY;

    private TestShop shop;

    @BeforeEach
    void shop() {
        shop = host.newShop().enable("pinger");
    }

    @Test
    void aMailHasHtmlAndTextTheShopsSenderTrackedLinksAndOneClickUnsubscribe() throws Exception {
        String anna = "anna-" + shop.id() + "@example.test";
        shop.customer("anna", anna, "de-DE");
        shop.notifications().settings(Map.of("senderEmail", "service@outdoor.example", "senderName", "Outdoor Shop",
                "replyTo", "help@outdoor.example"));

        List<String> ids = Pings.send(shop, Map.of("customerIds", List.of("anna"), "category", "ALERT",
                "link", "https://outdoor.example/jacket?size=M&colour=blue"));

        MimeMessage mail = TestMails.await(host.mail(), anna, 1).getFirst();
        assertThat(mail.getFrom()[0].toString()).isEqualTo("Outdoor Shop <service@outdoor.example>");
        assertThat(mail.getReplyTo()[0].toString()).isEqualTo("help@outdoor.example");
        assertThat(TestMails.subject(mail)).isEqualTo("Ping Nummer 1");
        assertThat(TestMails.header(mail, "Message-ID")).isEqualTo("<" + ids.getFirst() + "@outdoor.example>");
        String unsubscribe = host.baseUrl().toString().replace("127.0.0.1", "localhost") + "/notify/" + shop.id()
                + "/unsubscribe/";
        assertThat(TestMails.header(mail, "List-Unsubscribe")).startsWith("<" + unsubscribe).endsWith(">");
        assertThat(TestMails.header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        String html = TestMails.html(mail);
        String text = TestMails.text(mail);
        assertThat(html).contains("Hallo, das ist Ping Nummer 1.").contains("/notify/" + shop.id() + "/click/")
                .doesNotContain("https://outdoor.example/jacket").contains(unsubscribe)
                .contains("Von Benachrichtigungs-E-Mails abmelden")
                .doesNotContain("Angebote"); // no marketing block without marketing consent
        assertThat(text).contains("Ansehen: " + host.baseUrl().toString().replace("127.0.0.1", "localhost")
                + "/notify/" + shop.id() + "/click/").contains(unsubscribe);
        NotifyMessagesRecord row = shop.notifications().awaitState("SENT", 1).getFirst();
        assertThat(row.getChannel()).isEqualTo("EMAIL");
        // the second instance of TwoInstancesTest shares this outbox if it ran earlier in the JVM: either may send
        assertThat(row.getSentBy()).matches("instance-[ab]/notify-worker-.+");
    }

    @Test
    void aLanguageWithoutTemplatesFallsBackToTheShopsDefaultThenEnglish() {
        String guest = "guest-" + shop.id() + "@example.test";
        Pings.toGuest(shop, "TRANSACTIONAL", guest, "fr-FR");
        assertThat(TestMails.subject(TestMails.await(host.mail(), guest, 1).getFirst())).isEqualTo("Ping 1");

        shop.notifications().settings(Map.of("defaultLocale", "de"));
        Pings.toGuest(shop, "TRANSACTIONAL", guest, "fr-FR");
        assertThat(TestMails.await(host.mail(), guest, 2).stream().map(TestMails::subject)).contains("Ping Nummer 1");
    }

    @Test
    void aCustomerWithoutAnAddressOrWithAnInvalidOneIsDroppedWithTheReason() {
        shop.customer("broken", "not-an-address", "en");
        Pings.toCustomers(shop, "ALERT", "nobody", "broken");

        List<NotifyMessagesRecord> dropped = shop.notifications().awaitState("DROPPED", 2);

        assertThat(dropped).extracting(NotifyMessagesRecord::getReason)
                .anyMatch(reason -> reason.startsWith("NO_ADDRESS"))
                .anyMatch(reason -> reason.startsWith("INVALID_ADDRESS"));
    }

    @Test
    void anInvalidGuestAddressIsAUserErrorAndQueuesNothing() {
        GraphQlResult result = shop.storefront().execute("""
                mutation { pingerSubscribe(input: {email: "anna@@example"}) { consent userErrors { code field } } }""")
                .assertNoErrors();

        assertThat(result.path("pingerSubscribe.userErrors[0].code").asString()).isEqualTo("INVALID_EMAIL");
        assertThat(shop.notifications().messages()).isEmpty();
    }
}
