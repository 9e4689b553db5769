package dev.aftersales.bench;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import org.jooq.DSLContext;

/** Where a figure was measured: date, cores, memory, JDK and database server. */
public record MachineFacts(LocalDate date, int cores, long memoryGiB, String jdk, String database) {

    public static MachineFacts read(DSLContext db) {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        String version = String.valueOf(db.fetchValue("SELECT VERSION()"));
        return new MachineFacts(LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                Math.round(memory / (1024.0 * 1024 * 1024)),
                System.getProperty("java.vm.vendor") + " " + Runtime.version(),
                (version != null && version.contains("MariaDB") ? "MariaDB " : "MySQL ") + version);
    }

    public String describe() {
        return date + ", " + cores + " cores, " + memoryGiB + " GiB, JDK " + jdk + ", " + database;
    }
}
