package dev.aftersales.host.it.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.host.jooq.tables.records.NotifyMessagesRecord;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.TestMails;
import dev.aftersales.testkit.TestShop;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Frequency caps per recipient and quiet hours in the shop's time zone; transactional mail passes both. */
class ContactPressureTest {

    @RegisterExtension
    static final AftersalesHost host = NotifyHosts.PRIMARY;

    private TestShop shop;
    private String anna;

    @BeforeEach
    void shop() {
        shop = host.newShop().enable("pinger");
        anna = "anna-" + shop.id() + "@example.test";
        shop.customer("anna", anna, "en");
    }

    @Test
    void overTheCapAMessageIsDelayedUntilASlotFreesAndTransactionalMailIsNotCounted() {
        shop.notifications().settings(Map.of("capMax", 2, "capDays", 7, "capAction", "DELAY"));

        Pings.toCustomers(shop, "ALERT", "anna");
        Pings.toCustomers(shop, "REMINDER", "anna");
        shop.notifications().awaitState("SENT", 2);
        Pings.toCustomers(shop, "ALERT", "anna");
        Pings.toCustomers(shop, "TRANSACTIONAL", "anna");

        shop.notifications().awaitState("SENT", 3);
        NotifyMessagesRecord delayed = awaitReason("CAPPED");
        assertThat(delayed.getState()).isEqualTo("PENDING");
        assertThat(delayed.getCategory()).isEqualTo("ALERT");
        assertThat(delayed.getReason()).endsWith(", the recipient received 2 messages in the last 7 days, cap 2");
        assertThat(TestMails.to(host.mail(), anna)).hasSize(3);

        host.clock().advance(Duration.ofDays(7).plusMinutes(1));
        shop.notifications().awaitState("SENT", 4);
        assertThat(TestMails.await(host.mail(), anna, 4)).hasSize(4);
    }

    @Test
    void withTheDropRuleAMessageOverTheCapIsDroppedWithTheReason() {
        shop.notifications().settings(Map.of("capMax", 1, "capAction", "DROP"));

        Pings.toCustomers(shop, "ALERT", "anna");
        shop.notifications().awaitState("SENT", 1);
        Pings.toCustomers(shop, "MARKETING", "anna"); // marketing needs consent first: dropped for that
        Pings.toCustomers(shop, "REMINDER", "anna");

        assertThat(shop.notifications().awaitState("DROPPED", 2)).extracting(NotifyMessagesRecord::getReason)
                .anyMatch(reason -> reason.equals("CAPPED: the recipient received 1 message in the last 7 days, cap 1"))
                .anyMatch(reason -> reason.startsWith("NO_CONSENT"));
    }

    @Test
    void duringQuietHoursInTheShopsTimeZoneAMessageWaitsForTheirEnd() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ZonedDateTime now = host.clock().instant().atZone(berlin);
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        shop.notifications().settings(Map.of("timeZone", "Europe/Berlin", "capMax", 0,
                "quietStart", now.minusHours(1).format(hhmm), "quietEnd", now.plusHours(1).format(hhmm)));

        Pings.toCustomers(shop, "ALERT", "anna");
        Pings.toCustomers(shop, "TRANSACTIONAL", "anna");

        NotifyMessagesRecord waiting = awaitReason("QUIET_HOURS");
        assertThat(waiting.getNextAttemptAt().toInstant(ZoneOffset.UTC))
                .isBetween(now.plusMinutes(59).toInstant(), now.plusHours(1).toInstant());
        shop.notifications().awaitState("SENT", 1);
        assertThat(TestMails.await(host.mail(), anna, 1)).hasSize(1);

        host.clock().advance(Duration.ofMinutes(61));
        shop.notifications().awaitState("SENT", 2);
        assertThat(TestMails.await(host.mail(), anna, 2)).hasSize(2);
    }

    @Test
    void clearingQuietHoursReleasesTheMessagesTheyHeldBack() {
        ZonedDateTime now = host.clock().instant().atZone(ZoneId.of("Europe/Berlin"));
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        shop.notifications().settings(Map.of("timeZone", "Europe/Berlin", "capMax", 0,
                "quietStart", now.minusHours(1).format(hhmm), "quietEnd", now.plusHours(2).format(hhmm)));
        Pings.toCustomers(shop, "ALERT", "anna");
        awaitReason("QUIET_HOURS");

        shop.notifications().settings(Map.of("quietStart", "", "quietEnd", ""));

        // the clock stands still: only the release lets it go before the old end of the quiet hours
        shop.notifications().awaitState("SENT", 1);
        assertThat(TestMails.await(host.mail(), anna, 1)).hasSize(1);
    }

    @Test
    void raisingTheCapReleasesTheMessagesItHeldBack() {
        shop.notifications().settings(Map.of("capMax", 1, "capDays", 7, "capAction", "DELAY"));
        Pings.toCustomers(shop, "ALERT", "anna");
        shop.notifications().awaitState("SENT", 1);
        Pings.toCustomers(shop, "ALERT", "anna");
        assertThat(awaitReason("CAPPED").getReason())
                .endsWith(", the recipient received 1 message in the last 7 days, cap 1");

        shop.notifications().settings(Map.of("capMax", 2));

        shop.notifications().awaitState("SENT", 2);
        assertThat(TestMails.await(host.mail(), anna, 2)).hasSize(2);
    }

    private NotifyMessagesRecord awaitReason(String prefix) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> shop.notifications().messages()
                .stream().anyMatch(row -> row.getReason() != null && row.getReason().startsWith(prefix)));
        return shop.notifications().messages().stream()
                .filter(row -> row.getReason() != null && row.getReason().startsWith(prefix)).findFirst().orElseThrow();
    }
}
