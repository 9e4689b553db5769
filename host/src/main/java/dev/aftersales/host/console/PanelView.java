package dev.aftersales.host.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A report panel as a page shows it: its figures (name and value) and its tables (columns, rows and, when a column
 * holds numbers, a bar chart of the first such column).
 */
record PanelView(ReportPanels.Panel panel, List<Map.Entry<String, Object>> figures, List<Table> tables, String error) {

    record Table(String name, List<String> columns, List<List<Object>> rows, String chart) {
    }

    static PanelView failed(ReportPanels.Panel panel, String error) {
        return new PanelView(panel, List.of(), List.of(), error);
    }

    @SuppressWarnings("unchecked")
    static PanelView of(ReportPanels.Panel panel, Object data, JsonMapper json) {
        List<Map.Entry<String, Object>> figures = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        if (data instanceof List<?> rows) {
            tables.add(table(panel.field(), (List<Map<String, Object>>) rows, json));
        } else if (data instanceof Map<?, ?> object) {
            ((Map<String, Object>) object).forEach((name, value) -> {
                if (value instanceof List<?> rows) {
                    tables.add(table(name, (List<Map<String, Object>>) rows, json));
                } else {
                    figures.add(Map.entry(name, value == null ? "" : value));
                }
            });
        }
        return new PanelView(panel, figures, tables, null);
    }

    private static Table table(String name, List<Map<String, Object>> rows, JsonMapper json) {
        List<String> columns = rows.isEmpty() ? List.of() : List.copyOf(rows.getFirst().keySet());
        List<List<Object>> cells = rows.stream().map(row -> columns.stream().map(row::get).toList()).toList();
        String numeric = columns.stream().skip(1)
                .filter(column -> rows.stream().allMatch(row -> row.get(column) instanceof Number))
                .findFirst().orElse(null);
        String chart = null;
        if (numeric != null) {
            Map<String, Object> dataset = new LinkedHashMap<>();
            dataset.put("label", numeric);
            dataset.put("data", rows.stream().map(row -> row.get(numeric)).toList());
            chart = json.writeValueAsString(Map.of("type", "bar",
                    "labels", rows.stream().map(row -> String.valueOf(row.get(columns.getFirst()))).toList(),
                    "datasets", List.of(dataset)));
        }
        return new Table(name, columns, cells, chart);
    }
}
