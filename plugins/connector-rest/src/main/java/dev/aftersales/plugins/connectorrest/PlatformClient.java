package dev.aftersales.plugins.connectorrest;

import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonParser;
import com.grack.nanojson.JsonParserException;
import dev.aftersales.api.platform.PlatformException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Calls the platform's HTTP API for one shop: each attempt with a connect and a read timeout, retries with
 * exponential backoff for timeouts, refused connections and 5xx only (never 4xx), and the shop's circuit breaker
 * around every attempt so a failing platform is left alone for a while instead of making every customer wait.
 * Everything that goes wrong ends as a {@link PlatformException} whose message a shop's user can read.
 */
final class PlatformClient {

    private static final String USER_AGENT = "Aftersales-connector-rest";
    /** Distinct connect timeouts in use at once; each has its own HTTP client (the timeout is a client setting). */
    private static final int MAX_CLIENTS = 8;
    private static final int MAX_ERROR_LENGTH = 300;

    private final ShopCircuitBreakers breakers;
    private final BoundedMap<Duration, HttpClient> clients = new BoundedMap<>(MAX_CLIENTS);

    PlatformClient(ShopCircuitBreakers breakers) {
        this.breakers = breakers;
    }

    /**
     * Sends {@code call} and reads the JSON answer with {@code reader} (a reader's {@link InvalidPayload} counts as
     * an unreadable answer); empty when a GET finds nothing (404).
     */
    <T> Optional<T> send(String shopId, ConnectorSettings settings, Clock clock, PlatformCall call,
                         Function<JsonFields, T> reader) throws PlatformException {
        HttpRequest request = request(settings, call);
        CircuitBreaker breaker = breakers.forShop(shopId, settings.baseUrl(), settings.circuit(), clock);
        Retry retry = Retry.of("connector-rest:" + shopId, retryConfig(settings));
        HttpClient client = clients.get(settings.connectTimeout(), c -> true, this::newClient);
        CheckedSupplier<Optional<T>> attempt = () -> exchange(client, request, settings, call, reader);
        try {
            return Retry.decorateCheckedSupplier(retry, CircuitBreaker.decorateCheckedSupplier(breaker, attempt)).get();
        } catch (CallFailure failure) {
            throw failure.toPlatformException();
        } catch (CallNotPermittedException e) {
            throw new PlatformException("The shop platform failed repeatedly; Aftersales waits up to "
                    + CallFailure.seconds(settings.circuitOpenDuration()) + " before asking it again", true, e);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Unexpected failure calling the shop platform", e);
        }
    }

    private HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    private static RetryConfig retryConfig(ConnectorSettings settings) {
        return RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.retryBackoff(), 2.0))
                .retryOnException(e -> e instanceof CallFailure failure && failure.kind().retried())
                .failAfterMaxAttempts(false)
                .writableStackTraceEnabled(false)
                .build();
    }

    private static HttpRequest request(ConnectorSettings settings, PlatformCall call) throws PlatformException {
        if (settings.baseUrl().isEmpty()) {
            throw notSetUp("its address (setting " + ConnectorSettings.BASE_URL + ") is empty");
        }
        if (settings.apiKey().isEmpty()) {
            throw notSetUp("its API key (setting " + ConnectorSettings.API_KEY + ") is empty");
        }
        URI uri;
        try {
            uri = new URI(stripTrailingSlash(settings.baseUrl()) + call.path());
        } catch (URISyntaxException e) {
            throw notSetUp("its address (setting " + ConnectorSettings.BASE_URL + ") is not a URL");
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw notSetUp("its address (setting " + ConnectorSettings.BASE_URL + ") is not an http(s) URL");
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(settings.readTimeout())
                .header("Authorization", "Bearer " + settings.apiKey())
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        if (call.body() != null) {
            builder.header("Content-Type", "application/json")
                    .header("Idempotency-Key", call.idempotencyKey())
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()));
        } else {
            builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private static PlatformException notSetUp(String problem) {
        return new PlatformException("The connection to the shop platform is not set up: " + problem, false);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** One attempt. The request timeout covers the wait for the answer's headers; the cap covers a dribbling body. */
    private static <T> Optional<T> exchange(HttpClient client, HttpRequest request, ConnectorSettings settings,
                                            PlatformCall call, Function<JsonFields, T> reader) throws CallFailure {
        HttpResponse<String> response = await(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()),
                settings);
        int status = response.statusCode();
        if (status == 404 && call.notFoundIsEmpty()) {
            return Optional.empty();
        }
        if (status >= 500) {
            throw new CallFailure(CallFailure.Kind.SERVER_ERROR,
                    "The shop platform failed with an error (HTTP " + status + ")");
        }
        if (status == 429) {
            throw new CallFailure(CallFailure.Kind.BUSY, "The shop platform is busy (HTTP 429); try again later");
        }
        if (status >= 400) {
            throw new CallFailure(CallFailure.Kind.REFUSED, refusal(status, response.body()));
        }
        if (status < 200 || status >= 300) {
            throw new CallFailure(CallFailure.Kind.UNREADABLE,
                    "The shop platform gave an unexpected answer (HTTP " + status + ")");
        }
        try {
            return Optional.of(reader.apply(JsonFields.of(JsonParser.object().from(response.body()), "")));
        } catch (JsonParserException e) {
            throw new CallFailure(CallFailure.Kind.UNREADABLE,
                    "The shop platform sent an answer that is not JSON (HTTP " + status + ")", e);
        } catch (InvalidPayload e) {
            throw new CallFailure(CallFailure.Kind.UNREADABLE,
                    "The shop platform sent an answer that cannot be read: " + e.getMessage(), e);
        }
    }

    private static HttpResponse<String> await(CompletableFuture<HttpResponse<String>> answer,
                                              ConnectorSettings settings) throws CallFailure {
        String noAnswer = "The shop platform did not answer in " + CallFailure.seconds(settings.readTimeout());
        try {
            return answer.get(settings.connectTimeout().plus(settings.readTimeout()).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new CallFailure(CallFailure.Kind.TIMEOUT, noAnswer, e);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new CallFailure(CallFailure.Kind.INTERRUPTED, "The call to the shop platform was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpConnectTimeoutException) {
                throw new CallFailure(CallFailure.Kind.UNREACHABLE, "The shop platform could not be reached in "
                        + CallFailure.seconds(settings.connectTimeout()), cause);
            }
            if (cause instanceof HttpTimeoutException) {
                throw new CallFailure(CallFailure.Kind.TIMEOUT, noAnswer, cause);
            }
            if (cause instanceof ConnectException) {
                throw new CallFailure(CallFailure.Kind.UNREACHABLE, "The shop platform could not be reached", cause);
            }
            if (cause instanceof IOException) {
                throw new CallFailure(CallFailure.Kind.UNREACHABLE,
                        "The connection to the shop platform broke off", cause);
            }
            throw new IllegalStateException("Unexpected failure calling the shop platform", cause);
        }
    }

    /** The platform's own words from {@code {"error": "..."}} when it gave some. */
    private static String refusal(int status, String body) {
        String error = null;
        try {
            JsonObject answer = JsonParser.object().from(body);
            if (answer.get("error") instanceof String text && !text.isBlank()) {
                error = text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) + "…" : text;
            }
        } catch (JsonParserException | RuntimeException e) {
            // no JSON error message: the status alone says it
        }
        String what = status == 401 || status == 403 ? "The shop platform refused the connector's API key"
                : "The shop platform refused the request";
        return what + (error == null ? " (HTTP " + status + ")" : ": " + error);
    }
}
