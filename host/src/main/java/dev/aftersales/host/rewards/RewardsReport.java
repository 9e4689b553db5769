package dev.aftersales.host.rewards;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;

/**
 * The operator's ledger report: points issued, still pending, spent, expired and reversed (and the shortfall of
 * reversals that found the points spent) per feature and period (UTC days, months, or the whole range), counted by
 * when the entries were booked; and the liability, the points the shop owes right now.
 */
@Component
public class RewardsReport {

    private static final String SQL = """
            SELECT feature_id, DATE(created_at) AS day,
                   SUM(CASE WHEN kind IN ('EARN', 'ADJUSTMENT') AND amount > 0 THEN amount ELSE 0 END) AS issued,
                   SUM(CASE WHEN state = 'PENDING' THEN amount - reversed_points ELSE 0 END) AS pending,
                   SUM(CASE WHEN state = 'SPENT' THEN -amount ELSE 0 END) AS spent,
                   SUM(CASE WHEN kind = 'EXPIRY' THEN -amount ELSE 0 END) AS expired,
                   SUM(CASE WHEN kind = 'REVERSAL' THEN shortfall - amount ELSE 0 END) AS reversed,
                   SUM(shortfall) AS shortfall
            FROM rewards_entries
            WHERE shop_id = ? AND created_at >= ? AND created_at < ?
            GROUP BY feature_id, DATE(created_at)
            """;

    private final DSLContext db;

    RewardsReport(DSLContext db) {
        this.db = db;
    }

    public enum Period { DAY, MONTH, TOTAL }

    /** One feature in one period. */
    public record Row(String feature, Instant periodStart, long issued, long pending, long spent, long expired,
                      long reversed, long shortfall) {

        Row plus(Row other) {
            return new Row(feature, periodStart, issued + other.issued, pending + other.pending,
                    spent + other.spent, expired + other.expired, reversed + other.reversed,
                    shortfall + other.shortfall);
        }
    }

    /** The points the shop owes now (erased customers' anonymised balances included). */
    public record Liability(long available, long pending, long reserved, int customers) {
    }

    public List<Row> report(String shopId, Instant from, Instant to, Period period) {
        Map<String, Row> rows = new TreeMap<>();
        for (Record record : db.resultQuery(SQL, shopId, LedgerRows.utc(from), LedgerRows.utc(to)).fetch()) {
            LocalDate day = record.get(1, LocalDate.class);
            Instant start = switch (period) {
                case DAY -> day.atStartOfDay(ZoneOffset.UTC).toInstant();
                case MONTH -> day.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                case TOTAL -> from;
            };
            Row row = new Row(record.get(0, String.class), start, number(record, 2), number(record, 3),
                    number(record, 4), number(record, 5), number(record, 6), number(record, 7));
            rows.merge(start + "|" + row.feature(), row, Row::plus);
        }
        return new ArrayList<>(rows.values());
    }

    public Liability liability(String shopId) {
        Record record = db.resultQuery("""
                SELECT COALESCE(SUM(available), 0), COALESCE(SUM(pending), 0), COALESCE(SUM(reserved), 0), COUNT(*)
                FROM rewards_balances WHERE shop_id = ?""", shopId).fetchOne();
        return new Liability(number(record, 0), number(record, 1), number(record, 2), (int) number(record, 3));
    }

    private static long number(Record record, int index) {
        BigDecimal value = record.get(index, BigDecimal.class);
        return value == null ? 0 : value.longValueExact();
    }
}
