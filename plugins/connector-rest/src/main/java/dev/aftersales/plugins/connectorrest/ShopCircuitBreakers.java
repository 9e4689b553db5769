package dev.aftersales.plugins.connectorrest;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One circuit breaker per shop and platform address, so one shop's failing platform never slows down another shop.
 * Kept in memory, per host instance, for at most {@link #MAX_SHOPS} shops (the least recently used is forgotten, and
 * starts closed when it comes back); a change of the shop's address or circuit settings starts a fresh breaker.
 */
final class ShopCircuitBreakers {

    static final int MAX_SHOPS = 2000;

    private static final Logger log = LoggerFactory.getLogger(ShopCircuitBreakers.class);

    private final BoundedMap<Key, Entry> breakers = new BoundedMap<>(MAX_SHOPS);

    private record Key(String shopId, String baseUrl) {
    }

    private record Entry(CircuitBreaker breaker, ConnectorSettings.Circuit settings) {
    }

    CircuitBreaker forShop(String shopId, String baseUrl, ConnectorSettings.Circuit settings, Clock clock) {
        return breakers.get(new Key(shopId, baseUrl), entry -> entry.settings().equals(settings),
                key -> new Entry(create(key, settings, clock), settings)).breaker();
    }

    int size() {
        return breakers.size();
    }

    private static CircuitBreaker create(Key key, ConnectorSettings.Circuit settings, Clock clock) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.window())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRatePercent())
                .waitDurationInOpenState(settings.openDuration())
                .permittedNumberOfCallsInHalfOpenState(1)
                // only failures of the platform count; a refused (4xx) request is a healthy answer
                .recordException(e -> e instanceof CallFailure failure && failure.kind().platformFault())
                .writableStackTraceEnabled(false)
                .clock(clock)
                .build();
        CircuitBreaker breaker = CircuitBreaker.of("connector-rest:" + key.shopId(), config);
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                log.warn("Circuit to the shop platform opened: shop={} baseUrl={} failing fast for {}",
                        key.shopId(), key.baseUrl(), settings.openDuration());
            } else {
                log.info("Circuit to the shop platform: shop={} baseUrl={} {}", key.shopId(), key.baseUrl(),
                        event.getStateTransition());
            }
        });
        return breaker;
    }
}
