package dev.aftersales.plugins.loyalty;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.plugins.loyalty.jooq.tables.records.LoyaltyMemberRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A customer's tier, reviewed when their order points become available or are reversed, when they look at their
 * standing, and by a periodic job. Rules: moving up happens at once; moving down only at the first review after a
 * calendar year ended (at most once a year, never mid-year); a tier's entry bonus is given once, and only when the
 * customer moves up by their own progress — not on the first calculation, nor when an operator replaces the tier
 * table (a recalculation).
 */
final class TierReview {

    private TierReview() {
    }

    /** Reviews the tier and returns the one the customer holds now (null for none). */
    static String review(FeatureContext shop, String customerId, boolean rewardMoves) {
        TierTable table = Programmes.of(shop).tiers();
        Instant now = shop.clock().instant();
        int year = yearOf(now);
        return shop.inTransaction(tx -> {
            Members members = Members.in(tx.dsl(), shop);
            Optional<LoyaltyMemberRecord> member = members.lockMember(customerId);
            String target = table.tierFor(value(members, customerId, table, now, year)).map(TierTable.Tier::name)
                    .orElse(null);
            if (member.isEmpty()) {
                members.insertMember(customerId, target, year, now);
                return target;
            }
            String held = table.named(member.get().getTierName()).map(TierTable.Tier::name).orElse(null);
            String kept = held;
            if (member.get().getReviewedYear() < year) {
                kept = TierTable.YEAR.equals(table.period())
                        ? table.tierFor(value(members, customerId, table, startOf(year), year - 1))
                                .map(TierTable.Tier::name).orElse(null)
                        : target;
            }
            String holds = table.rank(target) > table.rank(kept) ? target : kept;
            if (rewardMoves) {
                for (int rank = table.rank(held) + 1; rank <= table.rank(holds); rank++) {
                    TierTable.Tier reached = table.tiers().get(rank);
                    if (reached.entryBonus() > 0) {
                        shop.rewards().earn(customerId, reached.entryBonus(), "Welcome to " + reached.name(),
                                "tier:" + reached.name(), "loyalty:tier-entry:" + customerId + ":" + reached.name(),
                                null);
                    }
                }
            }
            if (!java.util.Objects.equals(holds, member.get().getTierName()) || member.get().getReviewedYear() != year) {
                members.updateMember(customerId, holds, year, now);
            }
            return holds;
        });
    }

    /** Reviews every customer the programme knows, 500 at a time. */
    static void reviewAll(FeatureContext shop, boolean rewardMoves) {
        String after = "";
        java.util.List<String> customers;
        do {
            customers = Members.of(shop).customers(after, 500);
            customers.forEach(customerId -> review(shop, customerId, rewardMoves));
            after = customers.isEmpty() ? after : customers.getLast();
        } while (customers.size() == 500);
    }

    /** What counts towards tiers by {@code now}: lifetime, or within the calendar year {@code year}. */
    static BigDecimal value(Members members, String customerId, TierTable table, Instant now, int year) {
        return TierTable.YEAR.equals(table.period())
                ? members.tierValue(customerId, table.basis(), startOf(year), min(now, startOf(year + 1)))
                : members.tierValue(customerId, table.basis(), null, now);
    }

    static int yearOf(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).getYear();
    }

    private static Instant startOf(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
