package dev.aftersales.host.console;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Failed console sign-ins per client address: over the limit, a client waits until its window has passed, so keys
 * cannot be guessed at speed. Per instance, which is enough to make guessing a 256-bit key pointless.
 */
@Component
public class SignInAttempts {

    private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);

    private final ConsoleProperties properties;
    private final Cache<String, AtomicInteger> failures;

    public SignInAttempts(ConsoleProperties properties) {
        this.properties = properties;
        this.failures = Caffeine.newBuilder().expireAfterWrite(properties.signInWindow()).maximumSize(100_000).build();
    }

    public boolean blocked(String client) {
        AtomicInteger count = failures.getIfPresent(client);
        return count != null && count.get() >= properties.signInAttempts();
    }

    public void failed(String client) {
        // the entry is written again so that its window restarts with every failure
        AtomicInteger count = failures.get(client, any -> new AtomicInteger());
        int failed = count.incrementAndGet();
        failures.put(client, count);
        log.warn("Console sign-in refused: wrong admin key from {} ({} failed within {})", client, failed,
                properties.signInWindow());
    }

    public void rateLimited(String client) {
        log.warn("Console sign-in refused: {} is over the limit of {} failed sign-ins within {}", client,
                properties.signInAttempts(), properties.signInWindow());
    }
}
