package dev.aftersales.host.plugins;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptor;

/**
 * Reads a plugin jar's manifest before PF4J does. PF4J answers a broken jar with messages such as
 * {@code Cannot invoke "java.util.jar.Manifest.getMainAttributes()" because "manifest" is null}; this says what is
 * wrong with the file in words an operator can act on.
 */
final class PluginJarManifest {

    private static final List<String> REQUIRED = List.of("Plugin-Id", "Plugin-Version");
    private static final String HOW_TO_BUILD = "build the plugin with the aftersales-plugins parent pom, which writes"
            + " Plugin-Id, Plugin-Version and Plugin-Requires into META-INF/MANIFEST.MF";

    private PluginJarManifest() {
    }

    /** The plugin's descriptor; a {@link PluginLoadException#INVALID_JAR} failure when the file is no plugin jar. */
    static PluginDescriptor read(Path jar) {
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (ZipException e) {
            throw PluginLoadException.invalidJar("it is not a jar file: it cannot be opened as a zip archive ("
                    + e.getMessage() + ")", e);
        } catch (IOException | SecurityException e) {
            throw PluginLoadException.invalidJar("it cannot be read as a jar file (" + e.getMessage() + ")", e);
        }
        if (manifest == null) {
            throw PluginLoadException.invalidJar("the jar has no manifest (META-INF/MANIFEST.MF), so it names no"
                    + " plugin; " + HOW_TO_BUILD, null);
        }
        Attributes attributes = manifest.getMainAttributes();
        List<String> missing = REQUIRED.stream()
                .filter(name -> attributes.getValue(name) == null || attributes.getValue(name).isBlank()).toList();
        if (!missing.isEmpty()) {
            throw PluginLoadException.invalidJar("the jar's manifest lacks " + String.join(", ", missing)
                    + ", so it is not a plugin jar; " + HOW_TO_BUILD, null);
        }
        try {
            return new ManifestPluginDescriptorFinder().find(jar);
        } catch (RuntimeException e) {
            throw PluginLoadException.invalidJar("its manifest cannot be read as a plugin descriptor ("
                    + e.getMessage() + ")", e);
        }
    }
}
