package dev.aftersales.bench.startup;

import dev.aftersales.bench.BenchHost;
import dev.aftersales.bench.Figure;
import dev.aftersales.bench.Options;
import dev.aftersales.bench.Report;
import dev.aftersales.bench.Samples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.springframework.core.env.Environment;

/**
 * Figure 4b: the production host started as its own process (profile {@code prod}) with every bundled plugin, against
 * the running database server the benchmarked host uses: time from process start to {@code /actuator/health} answering
 * UP, and the resident set size then. Three ways to launch it take turns: the fat jar, Spring Boot's extracted layout,
 * and the extracted layout with a dynamic class data sharing archive the JVM writes at the end of the first start
 * ({@code -XX:+AutoCreateSharedArchive}, what the Docker image does). The
 * first start of the fat jar finds an empty database (all migrations run); the others are restarts.
 */
public final class ColdStart implements Figure {

    private static final String DATABASE = "aftersales_coldstart";

    @Override
    public String name() {
        return "coldstart";
    }

    @Override
    public Report run(BenchHost bench, Options options) {
        Path jar = Path.of(System.getProperty("aftersales.bench.host-jar",
                "../host/target/aftersales-host-0.1.0-SNAPSHOT-exec.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No host jar at " + jar.toAbsolutePath() + ": build first");
        }
        Environment environment = bench.bean(Environment.class);
        String url = environment.getProperty("spring.datasource.url", "")
                .replaceFirst("^(jdbc:[a-z]+://[^/]+/)[^?]*", "$1" + DATABASE);
        bench.sql().execute("DROP DATABASE IF EXISTS " + DATABASE);
        bench.sql().execute("CREATE DATABASE " + DATABASE);
        List<String> arguments = arguments(bench.pluginsDir(), url, environment);

        Started first = start(List.of("-jar", jar.toAbsolutePath().toString()), arguments);
        Path extracted = extract(jar);
        Path archive = extracted.resolve("application.jsa");
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("fat jar: `java -jar aftersales-host-exec.jar`", List.of("-jar", jar.toAbsolutePath().toString()));
        variants.put("extracted (`-Djarmode=tools extract`)", List.of("-jar", applicationJar(extracted).toString()));
        List<String> withArchive = List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive, "-jar",
                applicationJar(extracted).toString());
        variants.put("extracted + CDS archive (the image's command)", withArchive);
        // the first start with an archive that does not exist yet writes it when the process ends
        start(withArchive, arguments);
        Map<String, Samples[]> results = new LinkedHashMap<>();
        variants.keySet().forEach(name -> results.put(name, new Samples[] {new Samples(), new Samples()}));
        for (int run = 0; run < options.runs(); run++) {
            for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
                Started started = start(variant.getValue(), arguments);
                results.get(variant.getKey())[0].add(started.seconds());
                results.get(variant.getKey())[1].add(started.rssMegabytes());
            }
        }
        bench.sql().execute("DROP DATABASE IF EXISTS " + DATABASE);

        Report report = new Report("Cold start", "./aftersales bench coldstart " + options.describe(),
                bench.machine(), "The production host started as its own process (profile prod,"
                        + " `-XX:MaxRAMPercentage=75`) with the 5 bundled plugins against the running database server:"
                        + " seconds from process start until `/actuator/health` answers UP, and the process's resident"
                        + " set size (VmRSS) then. Restarts (schema in place); the variants take turns; medians of "
                        + options.runs() + " runs.");
        Report.Table table = report.table("restart", "seconds to UP", "RSS MB");
        results.forEach((name, samples) -> table.row(name, samples[0].summary(), samples[1].summary()));
        table.end();
        report.note(String.format(Locale.ROOT, "First start of the fat jar on an empty database (host and plugin"
                + " migrations): %.1f s, RSS %.0f MB (one run).", first.seconds(), first.rssMegabytes()));
        report.metric("restart.seconds", results.get("extracted + CDS archive (the image's command)")[0]);
        report.metric("restart.rss", results.get("extracted + CDS archive (the image's command)")[1]);
        report.metric("fatjar.seconds", results.get("fat jar: `java -jar aftersales-host-exec.jar`")[0]);
        return report;
    }

    private static List<String> arguments(Path pluginsDir, String url, Environment environment) {
        return List.of("--spring.profiles.active=prod",
                "--aftersales.plugins-dir=" + pluginsDir.toAbsolutePath(),
                "--aftersales.platform-key=coldstart-platform-key",
                "--aftersales.link-secret=coldstart-link-secret",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username", "root"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                "--logging.level.root=WARN");
    }

    /** The Spring Boot tools jar mode's extracted layout (application jar plus lib/), as the Dockerfile makes it. */
    private static Path extract(Path jar) {
        try {
            Path target = Files.createTempDirectory("aftersales-extracted");
            run(List.of(javaCommand(), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract",
                    "--destination", target.resolve("app").toString()));
            return target.resolve("app");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path applicationJar(Path extracted) {
        try (var files = Files.list(extracted)) {
            return files.filter(file -> file.toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No application jar in " + extracted));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("Failed: " + String.join(" ", command));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Started start(List<String> launch, List<String> arguments) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-XX:MaxRAMPercentage=75"));
        command.addAll(launch);
        command.add("--server.port=" + port);
        command.addAll(arguments);
        Path log;
        try {
            log = Files.createTempFile("aftersales-coldstart", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command, e);
        }
        try {
            awaitUp(port, process, log);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Started(seconds, rssMegabytes(process.pid()));
        } finally {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void awaitUp(int port, Process process, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The host exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        throw new IllegalStateException("The host was not UP within 120 s; see " + log);
    }

    private static double rssMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            return Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Started(double seconds, double rssMegabytes) {
    }
}
