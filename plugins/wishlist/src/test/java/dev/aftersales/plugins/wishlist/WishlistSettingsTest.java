package dev.aftersales.plugins.wishlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.settings.Settings;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WishlistSettingsTest {

    @Test
    void defaultsAreSensibleLimits() {
        Map<String, Object> defaults = WishlistSettings.SPEC.defaults();

        assertThat(defaults).containsEntry("maxListsPerCustomer", 10)
                .containsEntry("maxItemsPerList", 100)
                .containsEntry("maxQuantityPerItem", 99)
                .containsEntry("defaultListName", "Wishlist")
                .containsEntry("sharingEnabled", true)
                .containsEntry("guestRetentionDays", 30);
    }

    @Test
    void limitsBelowOneAreRefused() {
        assertThat(WishlistSettings.SPEC.definition("maxListsPerCustomer").orElseThrow().problemWith(0)).isPresent();
        assertThat(WishlistSettings.SPEC.definition("maxItemsPerList").orElseThrow().problemWith(0)).isPresent();
        assertThat(WishlistSettings.SPEC.definition("defaultListName").orElseThrow().problemWith("x".repeat(101)))
                .isPresent();
    }

    @Test
    void readsEverySettingByItsKey() {
        Map<String, Object> values = WishlistSettings.SPEC.defaults();
        Settings settings = new Settings() {
            public int integer(String key) {
                return (Integer) values.get(key);
            }

            public BigDecimal decimal(String key) {
                throw new AssertionError("no decimal settings");
            }

            public boolean bool(String key) {
                return (Boolean) values.get(key);
            }

            public String string(String key) {
                return (String) values.get(key);
            }
        };

        assertThat(WishlistSettings.of(settings))
                .isEqualTo(new WishlistSettings(10, 100, 99, "Wishlist", true, 30));
    }
}
