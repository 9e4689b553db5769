package dev.aftersales.plugins.connectorvendure;

import dev.aftersales.api.platform.PlatformException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Vendure's Admin API (GraphQL over HTTP) for one shop: a connect and a read timeout per attempt, retries with
 * exponential backoff for timeouts, connection failures and server errors only, and a circuit breaker per shop
 * around every attempt. Everything that goes wrong ends as a {@link PlatformException} a shop's user can read.
 */
final class AdminApi {

    /** Shops whose circuit breaker is kept; the least recently used beyond this is forgotten (and starts closed). */
    static final int MAX_SHOPS = 2000;
    private static final int MAX_MESSAGE = 300;

    private final Map<String, Breaker> breakers = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Breaker> eldest) {
            return size() > MAX_SHOPS;
        }
    };

    /** One HTTP client per connect timeout in use (it is a client setting); operators rarely use more than a few. */
    private final Map<Duration, HttpClient> clients = new java.util.concurrent.ConcurrentHashMap<>();

    private record Breaker(CircuitBreaker breaker, String adminApiUrl, VendureSettings.Circuit settings) {
    }

    /** Runs a query or mutation and answers its {@code data}. */
    JsonNode call(String shopId, VendureSettings settings, Clock clock, String document, Map<String, Object> variables)
            throws PlatformException {
        HttpRequest request = request(settings, document, variables);
        HttpClient client = client(settings.connectTimeout());
        CircuitBreaker breaker = breaker(shopId, settings, clock);
        Retry retry = Retry.of("connector-vendure:" + shopId, RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.retryBackoff(), 2.0))
                .retryOnException(e -> e instanceof Failure failure && failure.kind.retried)
                .failAfterMaxAttempts(false)
                .build());
        try {
            return Retry.decorateCheckedSupplier(retry, CircuitBreaker.decorateCheckedSupplier(breaker,
                    () -> exchange(client, request, settings))).get();
        } catch (Failure failure) {
            throw new PlatformException(failure.getMessage(), failure.kind.retryableLater, failure);
        } catch (CallNotPermittedException e) {
            throw new PlatformException("Vendure failed repeatedly; Aftersales waits up to "
                    + seconds(settings.circuit().openDuration()) + " before asking it again", true, e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Unexpected failure calling Vendure", e);
        }
    }

    private HttpClient client(Duration connectTimeout) {
        if (clients.size() > 8) {
            clients.clear();
        }
        return clients.computeIfAbsent(connectTimeout, timeout -> HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    private synchronized CircuitBreaker breaker(String shopId, VendureSettings settings, Clock clock) {
        Breaker current = breakers.get(shopId);
        if (current == null || !current.adminApiUrl().equals(settings.adminApiUrl())
                || !current.settings().equals(settings.circuit())) {
            VendureSettings.Circuit circuit = settings.circuit();
            current = new Breaker(CircuitBreaker.of("connector-vendure:" + shopId, CircuitBreakerConfig.custom()
                    .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                    .slidingWindowSize(circuit.window())
                    .minimumNumberOfCalls(circuit.minimumCalls())
                    .failureRateThreshold(circuit.failureRatePercent())
                    .waitDurationInOpenState(circuit.openDuration())
                    .permittedNumberOfCallsInHalfOpenState(1)
                    // a refused request is a healthy answer of Vendure: only its failures count
                    .recordException(e -> e instanceof Failure failure && failure.kind.platformFault)
                    .clock(clock)
                    .build()), settings.adminApiUrl(), circuit);
            breakers.put(shopId, current);
        }
        return current.breaker();
    }

    synchronized int shopsKept() {
        return breakers.size();
    }

    private static HttpRequest request(VendureSettings settings, String document, Map<String, Object> variables)
            throws PlatformException {
        URI uri = webUrl(settings.adminApiUrl(), VendureSettings.ADMIN_API_URL);
        if (settings.apiKey().isEmpty()) {
            throw notSetUp("its API key (setting " + VendureSettings.API_KEY + ") is empty");
        }
        byte[] body = VendureJson.MAPPER.writeValueAsBytes(Map.of("query", document, "variables", variables));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(settings.readTimeout())
                .header("vendure-api-key", settings.apiKey())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", "Aftersales-connector-vendure")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!settings.channelToken().isEmpty()) {
            builder.header("vendure-token", settings.channelToken());
        }
        return builder.build();
    }

    /** An absolute http(s) URL from a setting, or the non-retryable "not set up" error naming the setting. */
    static URI webUrl(String value, String setting) throws PlatformException {
        if (value.isEmpty()) {
            throw notSetUp("its address (setting " + setting + ") is empty");
        }
        try {
            URI uri = new URI(value);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw notSetUp("its address (setting " + setting + ") is not an http(s) URL");
    }

    static PlatformException notSetUp(String problem) {
        return new PlatformException("The connection to Vendure is not set up: " + problem, false);
    }

    private static JsonNode exchange(HttpClient client, HttpRequest request, VendureSettings settings)
            throws Failure {
        HttpResponse<String> response = send(client, request, settings);
        int status = response.statusCode();
        if (status >= 500) {
            throw new Failure(Kind.SERVER_ERROR, "Vendure failed with an error (HTTP " + status + ")");
        }
        if (status == 429) {
            throw new Failure(Kind.BUSY, "Vendure is busy (HTTP 429); try again later");
        }
        if (status == 401 || status == 403) {
            throw new Failure(Kind.REFUSED, "Vendure refused the connector's API key (HTTP " + status + ")");
        }
        JsonNode answer;
        try {
            answer = VendureJson.MAPPER.readTree(response.body());
        } catch (JacksonException e) {
            throw new Failure(Kind.UNREADABLE, "Vendure sent an answer that is not JSON (HTTP " + status + ")");
        }
        JsonNode errors = answer.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            throw graphQlError(errors.get(0));
        }
        if (status >= 400) {
            throw new Failure(Kind.REFUSED, "Vendure refused the request (HTTP " + status + ")");
        }
        if (status != 200 || !answer.path("data").isObject()) {
            throw new Failure(Kind.UNREADABLE, "Vendure sent an answer without data (HTTP " + status + ")");
        }
        return answer.path("data");
    }

    /** Vendure's error codes: a refusal names what was wrong; an internal error may pass. */
    private static Failure graphQlError(JsonNode error) {
        String code = error.path("extensions").path("code").asString("");
        String message = error.path("message").asString("");
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "…";
        }
        return switch (code) {
            case "FORBIDDEN", "UNAUTHORIZED" -> new Failure(Kind.REFUSED,
                    "Vendure refused the connector's API key: " + message + " (check the key's permissions)");
            case "INTERNAL_SERVER_ERROR", "" -> new Failure(Kind.SERVER_ERROR, "Vendure failed: " + message);
            default -> new Failure(Kind.REFUSED, "Vendure refused the request: " + message);
        };
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request, VendureSettings settings)
            throws Failure {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            throw new Failure(Kind.UNREACHABLE,
                    "Vendure could not be reached in " + seconds(settings.connectTimeout()));
        } catch (HttpTimeoutException e) {
            throw new Failure(Kind.TIMEOUT, "Vendure did not answer in " + seconds(settings.readTimeout()));
        } catch (ConnectException e) {
            throw new Failure(Kind.UNREACHABLE, "Vendure could not be reached");
        } catch (IOException e) {
            throw new Failure(Kind.UNREACHABLE, "The connection to Vendure broke off");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(Kind.INTERRUPTED, "The call to Vendure was interrupted");
        }
    }

    static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString() + " s";
    }

    /** Whether a failed attempt is tried again at once, counts against Vendure, and may succeed later. */
    enum Kind {
        TIMEOUT(true, true, true),
        UNREACHABLE(true, true, true),
        SERVER_ERROR(true, true, true),
        BUSY(false, false, true),
        REFUSED(false, false, false),
        UNREADABLE(false, true, false),
        INTERRUPTED(false, false, true);

        final boolean retried;
        final boolean platformFault;
        final boolean retryableLater;

        Kind(boolean retried, boolean platformFault, boolean retryableLater) {
            this.retried = retried;
            this.platformFault = platformFault;
            this.retryableLater = retryableLater;
        }
    }

    static final class Failure extends Exception {
        final Kind kind;

        Failure(Kind kind, String message) {
            super(message, null, false, false);
            this.kind = kind;
        }
    }
}
