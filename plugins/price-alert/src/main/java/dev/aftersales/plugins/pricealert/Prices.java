package dev.aftersales.plugins.pricealert;

import dev.aftersales.api.catalog.Money;
import java.math.RoundingMode;

/** Money as the alert mails and messages show it: two decimals and the currency code, e.g. {@code 49.90 EUR}. */
final class Prices {

    private Prices() {
    }

    static String format(Money money) {
        return money.amount().setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + money.currency();
    }
}
