package dev.aftersales.plugins.connectorrest;

import dev.aftersales.api.settings.Settings;
import dev.aftersales.api.settings.SettingsSpec;
import java.time.Duration;

/**
 * The operator's settings of the connector for one shop, read on every call (the host caches and version-checks
 * them). The host validates values against {@link #SPEC}, so numbers are always within bounds; the address and key
 * may still be empty until the operator fills them in.
 */
record ConnectorSettings(String baseUrl, String apiKey, Duration connectTimeout, Duration readTimeout,
                         int maxAttempts, Duration retryBackoff, int circuitFailureRatePercent,
                         int circuitMinimumCalls, Duration circuitOpenDuration) {

    static final String BASE_URL = "baseUrl";
    static final String API_KEY = "apiKey";
    static final String CONNECT_TIMEOUT_MS = "connectTimeoutMs";
    static final String READ_TIMEOUT_MS = "readTimeoutMs";
    static final String MAX_ATTEMPTS = "maxAttempts";
    static final String RETRY_BACKOFF_MS = "retryBackoffMs";
    static final String CIRCUIT_FAILURE_RATE_PERCENT = "circuitFailureRatePercent";
    static final String CIRCUIT_MINIMUM_CALLS = "circuitMinimumCalls";
    static final String CIRCUIT_OPEN_SECONDS = "circuitOpenSeconds";

    /** The circuit breaker judges the failure rate over at least this many of the latest calls. */
    static final int MIN_CIRCUIT_WINDOW = 10;

    static final SettingsSpec SPEC = SettingsSpec.builder()
            .string(BASE_URL, "", 500,
                    "Address of the platform's API, e.g. https://shop.example.com/aftersales-api (no trailing path)")
            .secret(API_KEY, 500, "API key the platform issued; sent as 'Authorization: Bearer <key>'")
            .integer(CONNECT_TIMEOUT_MS, 1000, 100, 10_000, "How long to wait for a connection, in milliseconds")
            .integer(READ_TIMEOUT_MS, 2000, 100, 30_000,
                    "How long one attempt waits for the platform's complete answer, in milliseconds")
            .integer(MAX_ATTEMPTS, 3, 1, 5,
                    "Attempts per call, the first included; only timeouts, refused connections and 5xx are retried")
            .integer(RETRY_BACKOFF_MS, 200, 10, 5000,
                    "Wait before the second attempt, in milliseconds; doubles before each further attempt")
            .integer(CIRCUIT_FAILURE_RATE_PERCENT, 50, 1, 100,
                    "Failed calls, in percent of the latest calls, at which the connector stops calling the platform")
            .integer(CIRCUIT_MINIMUM_CALLS, 5, 1, 100,
                    "Calls the connector makes before it judges the failure rate (it looks at the latest "
                            + "max(10, this) calls)")
            .integer(CIRCUIT_OPEN_SECONDS, 30, 1, 600,
                    "How long the connector fails fast after the failure rate was reached, before it tries again")
            .build();

    static ConnectorSettings of(Settings settings) {
        return new ConnectorSettings(
                settings.string(BASE_URL).strip(),
                settings.string(API_KEY).strip(),
                Duration.ofMillis(settings.integer(CONNECT_TIMEOUT_MS)),
                Duration.ofMillis(settings.integer(READ_TIMEOUT_MS)),
                settings.integer(MAX_ATTEMPTS),
                Duration.ofMillis(settings.integer(RETRY_BACKOFF_MS)),
                settings.integer(CIRCUIT_FAILURE_RATE_PERCENT),
                settings.integer(CIRCUIT_MINIMUM_CALLS),
                Duration.ofSeconds(settings.integer(CIRCUIT_OPEN_SECONDS)));
    }

    /** Size of the circuit breaker's window of latest calls. */
    int circuitWindow() {
        return Math.max(MIN_CIRCUIT_WINDOW, circuitMinimumCalls);
    }

    /** Settings the circuit breaker is built from: a change of any of them starts a new breaker. */
    record Circuit(int failureRatePercent, int minimumCalls, int window, Duration openDuration) {
    }

    Circuit circuit() {
        return new Circuit(circuitFailureRatePercent, circuitMinimumCalls, circuitWindow(), circuitOpenDuration);
    }

    /** Never shows the API key, so the settings may be logged. */
    @Override
    public String toString() {
        return "ConnectorSettings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey.isEmpty() ? "(empty)" : "(set)")
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", maxAttempts="
                + maxAttempts + ", retryBackoff=" + retryBackoff + ", circuit=" + circuit() + "]";
    }
}
