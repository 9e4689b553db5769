package dev.aftersales.testkit;

import static dev.aftersales.host.jooq.Tables.NOTIFY_MESSAGES;

import dev.aftersales.host.jooq.tables.records.NotifyMessagesRecord;
import dev.aftersales.host.notify.outbox.OutboxWorker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * The notification outbox of one test shop: its settings through the operator API, its messages as stored, and
 * waiting for deliveries. Mail arrives in {@link AftersalesHost#mail()}.
 *
 * <pre>{@code
 * shop.notifications().settings(Map.of("capMax", 0));
 * shop.customer("anna", "anna@example.com", "de");
 * ... the plugin enqueues ...
 * shop.notifications().awaitState("SENT", 1);
 * }</pre>
 */
public final class TestNotifications {

    private final TestShop shop;
    private final AftersalesHost host;

    TestNotifications(TestShop shop, AftersalesHost host) {
        this.shop = shop;
        this.host = host;
    }

    /** Changes notification settings through the operator API; fails the test on user errors. */
    public TestNotifications settings(Map<String, Object> settings) {
        GraphQlResult result = shop.admin().execute("""
                mutation($shop: ID!, $settings: JSON!) {
                  notificationSettingsUpdate(input: {shopId: $shop, settings: $settings}) { userErrors { field code message } }
                }""", Map.of("shop", shop.id(), "settings", settings)).assertNoErrors();
        if (!result.path("notificationSettingsUpdate.userErrors").isEmpty()) {
            throw new AssertionError("notificationSettingsUpdate failed: "
                    + result.path("notificationSettingsUpdate.userErrors"));
        }
        return this;
    }

    /** The shop's messages, oldest first. */
    public List<NotifyMessagesRecord> messages() {
        return shop.sql().selectFrom(NOTIFY_MESSAGES).where(NOTIFY_MESSAGES.SHOP_ID.eq(shop.id()))
                .orderBy(NOTIFY_MESSAGES.ID).fetch();
    }

    public int count(String state) {
        return shop.sql().fetchCount(NOTIFY_MESSAGES, NOTIFY_MESSAGES.SHOP_ID.eq(shop.id())
                .and(NOTIFY_MESSAGES.STATE.eq(state)));
    }

    /** Waits (at most 30 s) until {@code count} of the shop's messages are in {@code state}; returns them. */
    public List<NotifyMessagesRecord> awaitState(String state, int count) {
        host.bean(OutboxWorker.class).wakeUp();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> count(state) >= count);
        return messages().stream().filter(row -> state.equals(row.getState())).toList();
    }

    /** Wakes the host's workers, e.g. after moving the clock. */
    public void wakeUp() {
        host.bean(OutboxWorker.class).wakeUp();
    }
}
