package dev.aftersales.host.http;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and caching of the HTTP endpoints ({@code aftersales.http.*}, see docs/configuration.md).
 *
 * @param maxRequestSize          largest request body of the storefront API, webhooks and every other endpoint
 * @param adminMaxRequestSize     largest request body of the operator API (plugin jars are uploaded through it)
 * @param getCacheMaxAge          {@code max-age} of successful guest {@code GET /graphql} answers; {@code 0s}: not cached
 * @param persistedQueriesMaxSize total size of the documents kept for automatic persisted queries
 */
@ConfigurationProperties("aftersales.http")
public record HttpProperties(
        @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue("64MB") DataSize adminMaxRequestSize,
        @DefaultValue("0s") Duration getCacheMaxAge,
        @DefaultValue("10MB") DataSize persistedQueriesMaxSize) {
}
