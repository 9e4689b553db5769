package dev.aftersales.host.privacy;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Field;
import org.jooq.Record;

/** Database rows as JSON-friendly maps for a data export: column name to value, times as ISO-8601 UTC instants. */
public final class ExportRows {

    private ExportRows() {
    }

    /** The rows without the given columns (e.g. the shop id, which the export names once). */
    public static List<Map<String, Object>> of(List<? extends Record> rows, Field<?>... left) {
        return rows.stream().map(row -> of(row, left)).toList();
    }

    public static Map<String, Object> of(Record row, Field<?>... left) {
        Map<String, Object> map = new LinkedHashMap<>();
        outer:
        for (Field<?> field : row.fields()) {
            for (Field<?> skipped : left) {
                if (skipped.getName().equals(field.getName())) {
                    continue outer;
                }
            }
            Object value = row.get(field);
            map.put(field.getName(), value instanceof LocalDateTime time ? time.toInstant(ZoneOffset.UTC).toString()
                    : value);
        }
        return map;
    }
}
