package dev.aftersales.host.notify.admin;

import static dev.aftersales.host.jooq.Tables.NOTIFY_CONVERSIONS;
import static dev.aftersales.host.jooq.Tables.NOTIFY_MESSAGES;

import dev.aftersales.host.notify.outbox.Outbox;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;

/**
 * Sent, clicked, converted and revenue per feature and period, for the messages sent in the period (UTC days; a
 * conversion counts for the period its message was sent in).
 */
@Component
public class Reports {

    /** How report rows are split in time. */
    enum Period { DAY, WEEK, MONTH, TOTAL }

    private final DSLContext db;

    Reports(DSLContext db) {
        this.db = db;
    }

    List<Row> report(String shopId, Instant from, Instant to, Period period) {
        Field<LocalDate> day = DSL.cast(NOTIFY_MESSAGES.SENT_AT, SQLDataType.LOCALDATE).as("day");
        var conversions = db.select(NOTIFY_CONVERSIONS.MESSAGE_ID, DSL.count().as("orders"),
                        DSL.sum(NOTIFY_CONVERSIONS.REVENUE).as("revenue"), DSL.max(NOTIFY_CONVERSIONS.CURRENCY).as("currency"))
                .from(NOTIFY_CONVERSIONS)
                .where(NOTIFY_CONVERSIONS.SHOP_ID.eq(shopId))
                .groupBy(NOTIFY_CONVERSIONS.MESSAGE_ID)
                .asTable("c");
        Field<Long> messageId = conversions.field(NOTIFY_CONVERSIONS.MESSAGE_ID);
        Field<Integer> orders = conversions.field("orders", Integer.class);
        Field<BigDecimal> revenue = conversions.field("revenue", BigDecimal.class);
        Field<String> currency = conversions.field("currency", String.class);
        Map<Key, Row> rows = new TreeMap<>();
        db.select(NOTIFY_MESSAGES.FEATURE_ID, day, DSL.count(),
                        DSL.count(NOTIFY_MESSAGES.FIRST_CLICKED_AT),
                        DSL.count(messageId), DSL.coalesce(DSL.sum(orders), BigDecimal.ZERO),
                        currency, DSL.coalesce(DSL.sum(revenue), BigDecimal.ZERO))
                .from(NOTIFY_MESSAGES)
                .leftJoin(conversions).on(messageId.eq(NOTIFY_MESSAGES.ID))
                .where(NOTIFY_MESSAGES.SHOP_ID.eq(shopId).and(NOTIFY_MESSAGES.STATE.eq(Outbox.SENT))
                        .and(NOTIFY_MESSAGES.SENT_AT.ge(Outbox.utc(from))).and(NOTIFY_MESSAGES.SENT_AT.lt(Outbox.utc(to))))
                .groupBy(NOTIFY_MESSAGES.FEATURE_ID, day, currency)
                .forEach(record -> {
                    LocalDate start = start(record.value2(), period, from);
                    String revenueCurrency = record.value7();
                    Row add = new Row(record.value1(), start, record.value3(), record.value4(), record.value5(),
                            record.value6().intValue(), record.value8(), revenueCurrency);
                    rows.merge(new Key(record.value1(), start), add, Row::plus);
                });
        return new ArrayList<>(rows.values());
    }

    private static LocalDate start(LocalDate day, Period period, Instant from) {
        return switch (period) {
            case DAY -> day;
            case WEEK -> day.minusDays(day.getDayOfWeek().getValue() - 1L);
            case MONTH -> day.with(TemporalAdjusters.firstDayOfMonth());
            case TOTAL -> LocalDate.ofInstant(from.truncatedTo(ChronoUnit.DAYS), ZoneOffset.UTC);
        };
    }

    private record Key(String feature, LocalDate start) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byStart = start.compareTo(other.start);
            return byStart != 0 ? byStart : feature.compareTo(other.feature);
        }
    }

    /**
     * One feature in one period: messages sent, of them clicked, of them with an attributed order, the number of
     * attributed orders and their revenue (in the shop's currency; {@code currency} null when nothing converted).
     */
    record Row(String feature, LocalDate periodStart, int sent, int clicked, int converted, int orders,
               BigDecimal revenue, String currency) {

        Row plus(Row other) {
            return new Row(feature, periodStart, sent + other.sent, clicked + other.clicked,
                    converted + other.converted, orders + other.orders, revenue.add(other.revenue),
                    currency != null ? currency : other.currency);
        }
    }
}
