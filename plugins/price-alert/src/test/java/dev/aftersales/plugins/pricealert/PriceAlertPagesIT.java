package dev.aftersales.plugins.pricealert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.events.PriceChanged;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.TestShop;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A variant watched by more people than one page holds: every page alerted once, the subscription-beats-wishlist rule
 * across pages, and a second delivery of the change alerting nobody. Delivery is paused (a long outbox poll) so the
 * test counts what was queued, not what GreenMail accepted.
 */
class PriceAlertPagesIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPluginUnderTest()
            .withProperty("aftersales.notify.poll-interval", "1h");

    private static final int GUESTS = 2 * PriceDrops.PAGE + 250;

    @Test
    void aDropAlertsEveryWatcherOncePageByPage(TestShop shop) {
        shop.enable("price-alert");
        shop.catalog().variant("v-1").product("jacket", "Jacket").name("M").price("90.00", "EUR").save();
        // anna's wishlist copy comes first and her own subscription last: they land on different pages
        subscription(shop, "WISHLIST", "anna", null, null).execute();
        shop.sql().query("insert into price_alert_watcher (shop_id, customer_id, since) values (?, 'anna', ?)",
                shop.id(), LocalDateTime.now()).execute();
        List<Query> guests = new ArrayList<>();
        for (int i = 0; i < GUESTS; i++) {
            guests.add(subscription(shop, "SUBSCRIBED", null, "guest" + i + "@example.test",
                    i == 7 ? new BigDecimal("50.00") : null));
        }
        shop.sql().batch(guests).execute();
        subscription(shop, "SUBSCRIBED", "anna", null, null).execute();

        assertThat(shop.publish(new PriceChanged("v-1", eur("100.00"), eur("90.00")))).isZero();

        // every guest but the one waiting for 50.00, and anna once (from her subscription, not her wishlist copy)
        int expected = GUESTS - 1 + 1;
        assertThat(priceDropsQueued(shop)).isEqualTo(expected);
        assertThat(count(shop, "select count(*) from price_alert_sent where shop_id = ?")).isEqualTo(expected);
        assertThat(count(shop, "select count(*) from price_alert_sent where shop_id = ? and customer_id = 'anna'"
                + " and origin = 'SUBSCRIBED'")).isEqualTo(1);
        assertThat(count(shop, "select count(*) from price_alert_subscription where shop_id = ? and alerts_sent = 1"
                + " and reference_price = 90")).isEqualTo(expected);

        // the same change again, e.g. a webhook retry after a failure half-way: nobody is alerted twice
        assertThat(shop.publish(new PriceChanged("v-1", eur("100.00"), eur("90.00")))).isZero();
        assertThat(priceDropsQueued(shop)).isEqualTo(expected);
    }

    private static Query subscription(TestShop shop, String origin, String customerId, String email,
                                      BigDecimal target) {
        return shop.sql().query("insert into price_alert_subscription (shop_id, origin, variant_id, customer_id, email,"
                        + " locale, target_price, reference_price, currency, status, alerts_sent, created_at)"
                        + " values (?, ?, 'v-1', ?, ?, 'en', ?, 100.00, 'EUR', 'ACTIVE', 0, ?)",
                shop.id(), origin, customerId, email, target, LocalDateTime.now());
    }

    private static int priceDropsQueued(TestShop shop) {
        return count(shop, "select count(*) from notify_messages where shop_id = ? and template = 'price-drop'");
    }

    private static int count(TestShop shop, String sql) {
        return shop.sql().resultQuery(sql, shop.id()).fetchOne(0, Integer.class);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }
}
