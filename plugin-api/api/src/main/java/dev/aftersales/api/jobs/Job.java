package dev.aftersales.api.jobs;

import dev.aftersales.api.FeatureContext;

/**
 * Scheduled work for one shop, registered with {@link dev.aftersales.api.Wiring#job}. The host runs it on one
 * instance at a time; it should do a bounded amount of work per run and read the time from the shop's clock.
 *
 * <pre>{@code
 * wiring.job("expire-guest-lists", Duration.ofHours(1),
 *         shop -> repository.deleteGuestListsOlderThan(shop, shop.clock().instant().minus(Duration.ofDays(30))));
 * }</pre>
 */
@FunctionalInterface
public interface Job {

    void run(FeatureContext shop) throws Exception;
}
