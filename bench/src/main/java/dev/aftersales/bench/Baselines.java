package dev.aftersales.bench;

import dev.aftersales.bench.webhooks.NonStoringWebhookEndpoint;
import dev.aftersales.bench.wishlist.HandWrittenWishlistEndpoint;
import dev.aftersales.bench.wishlist.InMemoryWishlistGraphQl;
import dev.aftersales.bench.wishlist.WishlistQueries;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The same-run baselines, added to the benchmarked host's Spring context ({@code spring.main.sources}). They live
 * under {@code /graphql/baseline/...} so the storefront's security filter chain (customer JWT per shop) runs for them
 * exactly as for {@code /graphql}.
 */
@Configuration(proxyBeanMethods = false)
@Import({WishlistQueries.class, HandWrittenWishlistEndpoint.class, InMemoryWishlistGraphQl.class,
        NonStoringWebhookEndpoint.class})
public class Baselines {
}
