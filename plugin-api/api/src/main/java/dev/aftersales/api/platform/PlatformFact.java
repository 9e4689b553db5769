package dev.aftersales.api.platform;

import java.time.Instant;

/**
 * Something true in the shop platform as of {@link #asOf()}, read from a webhook by a {@link Connector}. The host
 * applies facts to its mirror in order per thing (variant, order, customer) and ignores a fact older than what it
 * holds, then tells the features what changed ({@code StockChanged}, {@code OrderPlaced}, ...).
 */
public sealed interface PlatformFact permits PlatformFact.VariantFact, PlatformFact.StockFact, PlatformFact.PriceFact,
        PlatformFact.OrderFact, PlatformFact.CustomerFact, PlatformFact.CustomerDeletedFact {

    /** When the platform last changed the thing; orders facts of one thing and detects stale ones. */
    Instant asOf();

    /** A variant as a whole: created or updated. */
    record VariantFact(dev.aftersales.api.catalog.Variant variant, Instant asOf) implements PlatformFact {
    }

    /** A variant's stock level. */
    record StockFact(String variantId, int stock, Instant asOf) implements PlatformFact {
    }

    /** A variant's price. */
    record PriceFact(String variantId, dev.aftersales.api.catalog.Money price, Instant asOf) implements PlatformFact {
    }

    /** An order as a whole: placed, fulfilled, delivered, cancelled or (partly) returned, by its status and lines. */
    record OrderFact(dev.aftersales.api.catalog.Order order, Instant asOf) implements PlatformFact {
    }

    /** A customer created or updated. */
    record CustomerFact(String customerId, String email, String locale, Instant asOf) implements PlatformFact {
    }

    /** A customer deleted in the shop: every feature erases what it keeps about them. */
    record CustomerDeletedFact(String customerId, Instant asOf) implements PlatformFact {
    }
}
