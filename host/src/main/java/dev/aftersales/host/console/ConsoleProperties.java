package dev.aftersales.host.console;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator console at {@code /admin}.
 *
 * @param sessionTimeout    how long a signed-in session lives without a request
 * @param signInAttempts    failed sign-ins per client address within {@code signInWindow} before it must wait
 * @param signInWindow      how long failed sign-ins are counted (and how long a client waits once over the limit)
 */
@ConfigurationProperties("aftersales.console")
public record ConsoleProperties(
        @DefaultValue("30m") Duration sessionTimeout,
        @DefaultValue("5") int signInAttempts,
        @DefaultValue("5m") Duration signInWindow) {
}
