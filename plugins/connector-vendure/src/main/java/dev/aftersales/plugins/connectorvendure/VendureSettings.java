package dev.aftersales.plugins.connectorvendure;

import dev.aftersales.api.settings.Settings;
import dev.aftersales.api.settings.SettingsSpec;
import java.time.Duration;

/**
 * The operator's settings of the Vendure connector for one shop, read on every call (operators change them at run
 * time). The host keeps numbers within the bounds of {@link #SPEC}; addresses and the key may still be empty.
 */
record VendureSettings(String adminApiUrl, String apiKey, String channelToken, String productUrl,
                       String checkoutUrl, int moneyDecimals, Duration connectTimeout, Duration readTimeout,
                       int maxAttempts, Duration retryBackoff, Circuit circuit) {

    static final String ADMIN_API_URL = "adminApiUrl";
    static final String API_KEY = "apiKey";
    static final String CHANNEL_TOKEN = "channelToken";
    static final String PRODUCT_URL = "productUrl";
    static final String CHECKOUT_URL = "checkoutUrl";
    static final String MONEY_DECIMALS = "moneyDecimals";

    static final SettingsSpec SPEC = SettingsSpec.builder()
            .string(ADMIN_API_URL, "", 500, "Vendure's Admin API, e.g. https://shop.example.com/admin-api")
            .secret(API_KEY, 500, "A Vendure Admin API key (Settings → API keys) with the permissions "
                    + "ReadCatalog, ReadOrder, UpdateOrder, ReadCustomer, CreatePromotion, ReadPromotion and "
                    + "ReadSystem; sent as the 'vendure-api-key' header")
            .string(CHANNEL_TOKEN, "", 200, "The channel's token when the shop is not Vendure's default channel")
            .string(PRODUCT_URL, "", 500, "Link to a variant in the storefront: {slug}, {productId} and "
                    + "{variantId} are replaced, e.g. https://shop.example.com/product/{slug}?variant={variantId}")
            .string(CHECKOUT_URL, "", 500, "Where a customer finds the cart that reorders fill (their active order), "
                    + "e.g. https://shop.example.com/checkout")
            .integer(MONEY_DECIMALS, 2, 0, 4, "Decimal places of Vendure's stored money amounts (its MoneyStrategy "
                    + "precision; 2 unless the shop changed it)")
            .integer("connectTimeoutMs", 1000, 100, 10_000, "How long to wait for a connection, in milliseconds")
            .integer("readTimeoutMs", 3000, 100, 30_000,
                    "How long one attempt waits for Vendure's complete answer, in milliseconds")
            .integer("maxAttempts", 3, 1, 5, "Attempts per call, the first included; only timeouts, refused "
                    + "connections and server errors are retried")
            .integer("retryBackoffMs", 200, 10, 5000,
                    "Wait before the second attempt, in milliseconds; doubles before each further attempt")
            .integer("circuitFailureRatePercent", 50, 1, 100,
                    "Failed calls, in percent of the latest calls, at which the connector stops calling Vendure")
            .integer("circuitMinimumCalls", 5, 1, 100,
                    "Calls made before the failure rate is judged (over the latest max(10, this) calls)")
            .integer("circuitOpenSeconds", 30, 1, 600,
                    "How long the connector fails fast after the failure rate was reached, before it tries again")
            .build();

    /** The circuit breaker's settings: a change of any of them starts a new breaker. */
    record Circuit(int failureRatePercent, int minimumCalls, Duration openDuration) {

        int window() {
            return Math.max(10, minimumCalls);
        }
    }

    static VendureSettings of(Settings settings) {
        return new VendureSettings(
                settings.string(ADMIN_API_URL).strip(),
                settings.string(API_KEY).strip(),
                settings.string(CHANNEL_TOKEN).strip(),
                settings.string(PRODUCT_URL).strip(),
                settings.string(CHECKOUT_URL).strip(),
                settings.integer(MONEY_DECIMALS),
                Duration.ofMillis(settings.integer("connectTimeoutMs")),
                Duration.ofMillis(settings.integer("readTimeoutMs")),
                settings.integer("maxAttempts"),
                Duration.ofMillis(settings.integer("retryBackoffMs")),
                new Circuit(settings.integer("circuitFailureRatePercent"), settings.integer("circuitMinimumCalls"),
                        Duration.ofSeconds(settings.integer("circuitOpenSeconds"))));
    }

    /** Never shows the API key, so the settings may be logged. */
    @Override
    public String toString() {
        return "VendureSettings[adminApiUrl=" + adminApiUrl + ", apiKey=" + (apiKey.isEmpty() ? "(empty)" : "(set)")
                + ", channelToken=" + (channelToken.isEmpty() ? "(none)" : "(set)") + ", circuit=" + circuit + "]";
    }
}
