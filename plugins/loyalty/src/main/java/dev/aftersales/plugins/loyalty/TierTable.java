package dev.aftersales.plugins.loyalty;

import dev.aftersales.api.graphql.UserError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A shop's tiers, ascending by threshold, and how they are reached.
 *
 * @param basis  POINTS (order points that became available, less reversals) or SPEND (order amounts, less returns)
 * @param period LIFETIME or YEAR (the calendar year, UTC)
 */
record TierTable(String basis, String period, List<Tier> tiers) {

    static final String POINTS = "POINTS";
    static final String SPEND = "SPEND";
    static final String LIFETIME = "LIFETIME";
    static final String YEAR = "YEAR";
    static final TierTable NONE = new TierTable(POINTS, LIFETIME, List.of());

    /** One tier. */
    record Tier(String name, BigDecimal threshold, BigDecimal multiplier, long entryBonus, String perks) {
    }

    /** What is missing to reach the next tier. */
    record Next(Tier tier, BigDecimal missing) {
    }

    /** The highest tier the value reaches, if any. */
    Optional<Tier> tierFor(BigDecimal value) {
        Tier reached = null;
        for (Tier tier : tiers) {
            if (value.compareTo(tier.threshold()) >= 0) {
                reached = tier;
            }
        }
        return Optional.ofNullable(reached);
    }

    Optional<Tier> named(String name) {
        return tiers.stream().filter(tier -> tier.name().equals(name)).findFirst();
    }

    /** Position of a tier (-1 for none): a higher position is a higher tier. */
    int rank(String name) {
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The first tier above the one held, with what the value still lacks. */
    Optional<Next> next(String held, BigDecimal value) {
        int rank = rank(held);
        return rank + 1 < tiers.size()
                ? Optional.of(new Next(tiers.get(rank + 1), tiers.get(rank + 1).threshold().subtract(value).max(BigDecimal.ZERO)))
                : Optional.empty();
    }

    BigDecimal multiplierOf(String tierName) {
        return named(tierName).map(Tier::multiplier).orElse(BigDecimal.ONE);
    }

    /** Everything wrong with a tier table an operator sent; empty when it may be stored. */
    static List<UserError> problems(String basis, String period, List<Tier> tiers) {
        List<UserError> errors = new ArrayList<>();
        if (!POINTS.equals(basis) && !SPEND.equals(basis)) {
            errors.add(UserError.of("INVALID", "tierBasis is POINTS or SPEND", "input", "tierBasis"));
        }
        if (!LIFETIME.equals(period) && !YEAR.equals(period)) {
            errors.add(UserError.of("INVALID", "tierPeriod is LIFETIME or YEAR", "input", "tierPeriod"));
        }
        Set<String> names = new HashSet<>();
        BigDecimal previous = null;
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            String index = String.valueOf(i);
            if (tier.name() == null || tier.name().isBlank() || tier.name().length() > 100) {
                errors.add(UserError.of("INVALID", "A tier needs a name of 1 to 100 characters", "input", "tiers",
                        index, "name"));
            } else if (!names.add(tier.name().trim().toLowerCase(java.util.Locale.ROOT))) {
                errors.add(UserError.of("INVALID", "Tier names must be unique: " + tier.name(), "input", "tiers",
                        index, "name"));
            }
            if (tier.threshold().signum() < 0) {
                errors.add(UserError.of("INVALID", "A threshold is 0 or more", "input", "tiers", index, "threshold"));
            } else if (previous != null && tier.threshold().compareTo(previous) <= 0) {
                errors.add(UserError.of("INVALID", "Thresholds must be strictly ascending: " + tier.threshold()
                        + " does not exceed " + previous, "input", "tiers", index, "threshold"));
            }
            previous = tier.threshold();
            if (tier.multiplier().compareTo(new BigDecimal("0.1")) < 0 || tier.multiplier().compareTo(BigDecimal.TEN) > 0) {
                errors.add(UserError.of("INVALID", "A multiplier lies between 0.1 and 10", "input", "tiers", index,
                        "multiplier"));
            }
            if (tier.entryBonus() < 0) {
                errors.add(UserError.of("INVALID", "An entry bonus is 0 or more", "input", "tiers", index,
                        "entryBonus"));
            }
            if (tier.perks() != null && tier.perks().length() > 1000) {
                errors.add(UserError.of("INVALID", "Perks have at most 1000 characters", "input", "tiers", index,
                        "perks"));
            }
        }
        return errors;
    }
}
