package dev.aftersales.api.graphql;

import dev.aftersales.api.FeatureContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One call of a {@link FieldResolver}: who asks, in which shop, with which arguments, on which parent object.
 *
 * <pre>{@code
 * String customerId = call.viewer().requireCustomer();
 * Map<String, Object> input = call.input();
 * PageRequest page = call.page();
 * }</pre>
 */
public interface FieldCall {

    /** The feature's services for the shop of this request. */
    FeatureContext shop();

    /** The customer (or guest) making the request. */
    Viewer viewer();

    /**
     * The parent object of the field: null for root fields, the {@link Viewer} on {@code Customer}, the
     * {@link dev.aftersales.api.catalog.Variant} on {@code Variant}, else whatever the parent resolver returned.
     */
    <T> T source();

    /** An argument as graphql-java coerced it: String, Integer, Boolean, BigDecimal, List, Map, or null. */
    <T> T argument(String name);

    /** All arguments of the field. */
    Map<String, Object> arguments();

    /** The {@code input} argument of a mutation, or an empty map. */
    Map<String, Object> input();

    /**
     * The {@code first} and {@code after} arguments of a connection field. The host has already checked that
     * {@code first} lies between 1 and 100.
     */
    PageRequest page();

    /**
     * A stable, opaque hash of the requesting device (the client's IP address and {@code User-Agent} header, keyed by
     * the shop), or empty when the host cannot tell (no HTTP request). Never the address itself: a feature may store
     * it to notice that two people are one (e.g. a referral between the same device), not to track anyone.
     *
     * <pre>{@code
     * String device = call.device().orElse(null);
     * }</pre>
     *
     * Since plugin API 1.1.
     */
    default Optional<String> device() {
        return Optional.empty();
    }

    /** Loads a value through a batch loader (the feature's own, or the host's {@link dev.aftersales.api.catalog.Catalog#VARIANT_LOADER}). */
    <K, V> CompletableFuture<V> load(String loader, K key);
}
