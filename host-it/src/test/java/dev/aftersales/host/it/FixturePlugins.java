package dev.aftersales.host.it;

import fixtures.conflict.ConflictingFeature;
import fixtures.connector.FixtureConnector;
import fixtures.connector.FixtureConnectorFeature;
import fixtures.escapes.EscapesFeature;
import fixtures.greeting.GreetingFeature;
import fixtures.greetingv2.GreetingV2Feature;
import fixtures.keeper.KeeperFeature;
import fixtures.morning.MorningFeature;
import fixtures.notify.PingerFeature;
import fixtures.sloppy.SloppyFeature;
import fixtures.tally.TallyFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds the fixture plugin jars from this module's test classes and resources, as a plugin's build would: manifest,
 * extension index, classes, schema fragment and migrations.
 */
public final class FixturePlugins {

    private static final Path OUT = Path.of("target", "fixture-plugins");

    private FixturePlugins() {
    }

    public static Path greeting() {
        return jar("greeting", "1.0.0", ">=1.0.0 & <2.0.0", GreetingFeature.class, List.of(GreetingFeature.class),
                "greeting-v1");
    }

    /** A connector reading a few webhook types; its feature has no schema and no tables. */
    public static Path connector() {
        return jar("fixture-connector", "1.0.0", ">=1.0.0 & <2.0.0",
                List.of(FixtureConnectorFeature.class, FixtureConnector.class),
                List.of(FixtureConnectorFeature.class, FixtureConnector.class), "fixture-connector");
    }

    static Path greetingV2() {
        return jar("greeting", "2.0.0", ">=1.0.0 & <2.0.0", GreetingV2Feature.class,
                List.of(GreetingFeature.class, GreetingV2Feature.class), "greeting-v2");
    }

    /** Claims to be greeting 3.0.0 but holds another feature: refused only once loading has started. */
    static Path greetingBroken() {
        return jar("greeting", "3.0.0", ">=1.0.0 & <2.0.0", ConflictingFeature.class, List.of(ConflictingFeature.class),
                "conflicting");
    }

    static Path conflicting() {
        return jar("conflicting", "1.0.0", ">=1.0.0 & <2.0.0", ConflictingFeature.class,
                List.of(ConflictingFeature.class), "conflicting");
    }

    /** A plugin that breaks the conventions the free checks enforce. */
    static Path sloppy() {
        return jar("sloppy", "1.0.0", ">=1.0.0 & <2.0.0", SloppyFeature.class, List.of(SloppyFeature.class), "sloppy");
    }

    /** A plugin that tries every way out of its own rows of its shop, and has a table without its prefix. */
    static Path escapes() {
        return jar("escapes", "1.0.0", ">=1.0.0 & <2.0.0", EscapesFeature.class, List.of(EscapesFeature.class),
                "escapes");
    }

    /** A plugin that needs a plugin API this host does not provide. */
    public static Path needsNewerApi() {
        return jar("future", "1.0.0", ">=2.0.0", ConflictingFeature.class, List.of(ConflictingFeature.class),
                "conflicting");
    }

    /** Counts marks and reports them on the operator API's Shop: a report panel for the console's tests. */
    public static Path tally() {
        return jar("tally", "1.0.0", ">=1.0.0 & <2.0.0", TallyFeature.class, List.of(TallyFeature.class), "tally");
    }

    /** Sends notifications through the host's outbox: messages, rollbacks, double opt-in (notify tests). */
    public static Path pinger() {
        return jar("pinger", "1.0.0", ">=1.0.0 & <2.0.0", PingerFeature.class, List.of(PingerFeature.class), "pinger");
    }

    /** Keeps customers' orders, thanks them by mail with the product's link, asks the platform for carts. */
    static Path keeper() {
        return jar("keeper", "1.0.0", ">=1.0.0 & <2.0.0", KeeperFeature.class, List.of(KeeperFeature.class), "keeper");
    }

    /** A job daily at 09:00 in the shop's time zone that records its runs. */
    static Path morning() {
        return jar("morning", "1.0.0", ">=1.1.0 & <2.0.0", MorningFeature.class, List.of(MorningFeature.class),
                "morning");
    }

    static Path corrupt() {
        try {
            Files.createDirectories(OUT);
            Path jar = OUT.resolve("corrupt.jar");
            Files.write(jar, "this is not a zip file".getBytes(StandardCharsets.UTF_8));
            return jar.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip with the greeting plugin's classes and extension index but no META-INF/MANIFEST.MF. */
    static Path withoutManifest() {
        try {
            Files.createDirectories(OUT);
            Path jar = OUT.resolve("no-manifest.jar").toAbsolutePath();
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
                out.putNextEntry(new ZipEntry("META-INF/extensions.idx"));
                out.write((GreetingFeature.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
                String entry = GreetingFeature.class.getName().replace('.', '/') + ".class";
                out.putNextEntry(new ZipEntry(entry));
                out.write(Files.readAllBytes(classes().resolve(entry)));
                out.closeEntry();
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path jar(String id, String version, String requires, Class<?> extension, List<Class<?>> classes,
                            String resources) {
        return jar(id, version, requires, List.of(extension), classes, resources);
    }

    private static Path jar(String id, String version, String requires, List<Class<?>> extensions,
                            List<Class<?>> classes, String resources) {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Plugin-Id", id);
        attributes.putValue("Plugin-Version", version);
        attributes.putValue("Plugin-Requires", requires);
        attributes.putValue("Plugin-Class", "org.pf4j.Plugin");
        attributes.putValue("Plugin-Provider", "Aftersales tests");
        try {
            Files.createDirectories(OUT);
            Path jar = OUT.resolve(id + "-" + version + ".jar").toAbsolutePath();
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
                StringBuilder index = new StringBuilder();
                extensions.forEach(extension -> index.append(extension.getName()).append('\n'));
                add(out, "META-INF/extensions.idx", index.toString().getBytes(StandardCharsets.UTF_8));
                for (Class<?> type : classes) {
                    String entry = type.getName().replace('.', '/') + ".class";
                    add(out, entry, Files.readAllBytes(classes().resolve(entry)));
                }
                Path root = classes().resolve("fixtures").resolve(resources);
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.endsWith("README")).toList()) {
                        add(out, root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                    }
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build fixture plugin " + id, e);
        }
    }

    private static void add(JarOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(content);
        out.closeEntry();
    }

    private static Path classes() {
        try {
            return Path.of(FixturePlugins.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
