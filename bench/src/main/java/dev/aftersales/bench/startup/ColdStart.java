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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.springframework.core.env.Environment;

/**
 * Figure 4b: the production host jar started as its own process, as the Docker image starts it ({@code java
 * -XX:MaxRAMPercentage=75 -jar}, profile {@code prod}) with every bundled plugin, against the running database
 * server the benchmarked host uses: time from process start to {@code /actuator/health} answering UP, and the resident
 * set size then. The first start finds an empty database (all migrations run); the others are restarts.
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

        Samples firstStart = new Samples();
        Samples firstRss = new Samples();
        Samples restart = new Samples();
        Samples restartRss = new Samples();
        for (int run = 0; run <= options.runs(); run++) {
            Started started = start(jar, bench.pluginsDir(), url, environment);
            (run == 0 ? firstStart : restart).add(started.seconds());
            (run == 0 ? firstRss : restartRss).add(started.rssMegabytes());
        }
        bench.sql().execute("DROP DATABASE IF EXISTS " + DATABASE);

        Report report = new Report("Cold start", "./aftersales bench coldstart " + options.describe(),
                bench.machine(), "`java -XX:MaxRAMPercentage=75 -jar aftersales-host-exec.jar` (profile prod, the"
                        + " image's command) with the 5 bundled plugins: seconds from process start until"
                        + " `/actuator/health` answers UP, and the process's resident set size (VmRSS) then.");
        report.table("", "seconds to UP", "RSS MB", "runs")
                .row("first start, empty database (host and plugin migrations)", firstStart.summary(),
                        firstRss.summary(), String.valueOf(firstStart.size()))
                .row("restart", restart.summary(), restartRss.summary(), String.valueOf(restart.size()))
                .end();
        report.metric("restart.seconds", restart);
        report.metric("restart.rss", restartRss);
        return report;
    }

    private static Started start(Path jar, Path pluginsDir, String url, Environment environment) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-XX:MaxRAMPercentage=75", "-jar",
                jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--spring.profiles.active=prod",
                "--aftersales.plugins-dir=" + pluginsDir.toAbsolutePath(),
                "--aftersales.platform-key=coldstart-platform-key",
                "--aftersales.link-secret=coldstart-link-secret",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username", "root"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                "--logging.level.root=WARN"));
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
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
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
