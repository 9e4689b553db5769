package dev.aftersales.testkit;

import dev.aftersales.api.PluginApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Packages {@link TestPlatformFeature} and {@link TestPlatformConnector} as a plugin jar. {@link TestPlatform} stays
 * out of it: the plugin's class loader finds it in the test's class path, so the connector and the test share it.
 */
final class TestPlatformJar {

    private static final List<Class<?>> EXTENSIONS = List.of(TestPlatformFeature.class, TestPlatformConnector.class);

    private TestPlatformJar() {
    }

    static synchronized Path write() {
        Path jar = Path.of("target", "testkit-platform", TestPlatform.CONNECTOR_ID + ".jar").toAbsolutePath();
        if (Files.exists(jar)) {
            return jar;
        }
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Plugin-Id", TestPlatform.CONNECTOR_ID);
        attributes.putValue("Plugin-Version", PluginApi.VERSION);
        attributes.putValue("Plugin-Requires", ">=" + PluginApi.VERSION);
        attributes.putValue("Plugin-Class", "org.pf4j.Plugin");
        try {
            Files.createDirectories(jar.getParent());
            Path partial = Files.createTempFile(jar.getParent(), ".platform-", ".jar");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(partial), manifest)) {
                out.putNextEntry(new JarEntry("META-INF/extensions.idx"));
                for (Class<?> extension : EXTENSIONS) {
                    out.write((extension.getName() + "\n").getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
                for (Class<?> extension : EXTENSIONS) {
                    String entry = extension.getName().replace('.', '/') + ".class";
                    out.putNextEntry(new JarEntry(entry));
                    try (InputStream classFile = extension.getClassLoader().getResourceAsStream(entry)) {
                        classFile.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            Files.move(partial, jar, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the testkit platform plugin " + jar, e);
        }
    }
}
