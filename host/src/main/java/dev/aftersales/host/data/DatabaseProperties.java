package dev.aftersales.host.data;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the host behaves while its database is away ({@code aftersales.database.*}, see docs/configuration.md).
 *
 * @param outageBackoff after a failed attempt to reach the database, requests are answered {@code SERVICE_UNAVAILABLE}
 *                      at once for this long before one request tries again; also the {@code Retry-After} clients get
 */
@ConfigurationProperties("aftersales.database")
public record DatabaseProperties(@DefaultValue("2s") Duration outageBackoff) {
}
