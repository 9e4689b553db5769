package dev.aftersales.plugins.reorder;

import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.catalog.Variant;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the variant to suggest in place of one that is gone or sold out: another variant of the same product that
 * can be bought now. Pure.
 *
 * <p>Preference, in order: stock for the whole wanted quantity; the same price as paid (amount and currency); the
 * closest price (a price in another currency counts as farthest); more stock; the smaller id, so the choice is stable.
 */
final class Substitutes {

    private Substitutes() {
    }

    /**
     * @param missingVariantId the variant that cannot be had (never suggested for itself)
     * @param wanted           pieces the customer wants
     * @param paid             the unit price paid on the order, the reference for "same" and "closest" price
     * @param siblings         the product's variants as the catalog has them now
     */
    static Optional<Variant> choose(String missingVariantId, int wanted, Money paid, List<Variant> siblings) {
        Comparator<Variant> preference = Comparator
                .comparing((Variant candidate) -> candidate.stock() < wanted)
                .thenComparing(candidate -> !ReorderPlan.samePrice(candidate.price(), paid))
                .thenComparing(candidate -> !candidate.price().currency().equals(paid.currency()))
                .thenComparing(candidate -> candidate.price().amount().subtract(paid.amount()).abs(),
                        Comparator.<BigDecimal>naturalOrder())
                .thenComparing(Variant::stock, Comparator.reverseOrder())
                .thenComparing(Variant::id);
        return siblings.stream()
                .filter(candidate -> !candidate.id().equals(missingVariantId))
                .filter(Variant::inStock)
                .min(preference);
    }
}
