package dev.aftersales.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A figure's result as Markdown: what was run, on what, and tables of medians with their range. */
public final class Report {

    private final StringBuilder text = new StringBuilder();
    private final Map<String, Samples> metrics = new LinkedHashMap<>();

    public Report(String title, String command, MachineFacts machine, String setup) {
        text.append("### ").append(title).append("\n\n")
                .append("`").append(command).append("` — ").append(machine.describe()).append("\n\n")
                .append(setup).append("\n\n");
    }

    public Table table(String... columns) {
        return new Table(columns);
    }

    public Report note(String line) {
        text.append(line).append("\n\n");
        return this;
    }

    /** Keeps a measured metric by name, for the smoke test. */
    public Samples metric(String name, Samples samples) {
        metrics.put(name, samples);
        return samples;
    }

    public Samples metric(String name) {
        Samples samples = metrics.get(name);
        if (samples == null) {
            throw new IllegalArgumentException("No metric " + name + "; there are " + metrics.keySet());
        }
        return samples;
    }

    public String markdown() {
        return text.toString();
    }

    /** Prints the report and writes it to {@code target/bench-results/<name>.md}. */
    public void publish(String name) {
        System.out.println();
        System.out.println(markdown());
        try {
            Path dir = Files.createDirectories(Path.of("target", "bench-results"));
            Files.writeString(dir.resolve(name + ".md"), markdown());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report", e);
        }
    }

    /** A Markdown table; {@link #end()} appends it to the report. */
    public final class Table {

        private final String[] columns;
        private final List<String[]> rows = new ArrayList<>();

        private Table(String[] columns) {
            this.columns = columns;
        }

        public Table row(String... cells) {
            rows.add(cells);
            return this;
        }

        public Report end() {
            text.append("| ").append(String.join(" | ", columns)).append(" |\n");
            text.append("|").append("---|".repeat(columns.length)).append("\n");
            rows.forEach(row -> text.append("| ").append(String.join(" | ", row)).append(" |\n"));
            text.append("\n");
            return Report.this;
        }
    }
}
