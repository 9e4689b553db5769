package dev.aftersales.host.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the host under {@code aftersales.*}. Every property is documented in docs/configuration.md.
 *
 * @param pluginsDir    directory the host loads plugin jars from and installs uploaded jars into
 * @param platformKey   bootstrap operator key with access to every shop; empty disables it
 * @param linkSecret    secret that signs link tokens (shared wishlists, unsubscribe); set it in production
 * @param demo          whether to seed the demo shop and offer the dev-only token endpoint
 * @param graphql       request limits and introspection
 * @param shopCacheTtl  how long a shop's configuration is reused before its version is checked again
 * @param statementTimeout a SQL statement that runs longer is cancelled
 */
@ConfigurationProperties("aftersales")
public record AftersalesProperties(
        @DefaultValue("plugins") Path pluginsDir,
        @DefaultValue("") String platformKey,
        @DefaultValue("") String linkSecret,
        @DefaultValue("false") boolean demo,
        @DefaultValue GraphQl graphql,
        @DefaultValue("0s") Duration shopCacheTtl,
        @DefaultValue("5s") Duration statementTimeout) {

    /**
     * @param maxDepth         deepest nesting of fields a query may have
     * @param maxComplexity    cost budget; each field costs 1, times the {@code first} of the lists around it
     * @param maxAliases       how often one field may appear (under aliases) in one selection set
     * @param introspection    whether {@code __schema}/{@code __type} queries are allowed
     * @param graphiql         whether GraphiQL is served at {@code /graphiql}
     * @param requestTimeout   a request that runs longer is cancelled with an error
     */
    public record GraphQl(
            @DefaultValue("10") int maxDepth,
            @DefaultValue("5000") int maxComplexity,
            @DefaultValue("10") int maxAliases,
            @DefaultValue("true") boolean introspection,
            @DefaultValue("true") boolean graphiql,
            @DefaultValue("10s") Duration requestTimeout) {
    }
}
