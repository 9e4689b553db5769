package dev.aftersales.plugins.pricealert;

import dev.aftersales.api.catalog.Money;
import java.math.RoundingMode;

/**
 * Money in API messages and data exports: two decimals and the currency code, e.g. {@code 49.90 EUR}. Mails get the
 * money itself; the host writes it in the recipient's locale.
 */
final class Prices {

    private Prices() {
    }

    static String format(Money money) {
        return money.amount().setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + money.currency();
    }
}
