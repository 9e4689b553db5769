package dev.aftersales.api.settings;

import java.math.BigDecimal;

/**
 * A feature's settings for one shop: the operator's values over the declared defaults, already validated.
 *
 * <pre>{@code
 * int maxItems = shop.settings().integer("maxItemsPerList");
 * }</pre>
 */
public interface Settings {

    int integer(String key);

    BigDecimal decimal(String key);

    boolean bool(String key);

    String string(String key);
}
