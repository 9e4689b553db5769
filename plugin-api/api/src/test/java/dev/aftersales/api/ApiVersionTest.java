package dev.aftersales.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The announced API version, the CHANGELOG and the javadoc agree: every public type, method and constant that the
 * compatibility baseline (the last release, plugin-api/baseline) lacks says "Since plugin API x.y" in its javadoc, no
 * tag names a version above the announced one, and the CHANGELOG's newest section is the announced version.
 */
class ApiVersionTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path CLASSES = Path.of("target/classes");
    private static final Pattern SINCE = Pattern.compile("(?:Since plugin API|@since(?: plugin API)?) (\\d+)\\.(\\d+)");
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

    private static URLClassLoader baseline;
    private static String baselineVersion;

    @BeforeAll
    static void loadBaseline() throws IOException {
        try (Stream<Path> jars = Files.list(Path.of("../baseline"))) {
            Path jar = jars.filter(path -> path.toString().endsWith(".jar")).findFirst().orElseThrow();
            baselineVersion = jar.getFileName().toString().replaceAll(".*-(\\d+\\.\\d+\\.\\d+)\\.jar", "$1");
            List<URL> urls = new ArrayList<>(List.of(jar.toUri().toURL()));
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                if (!Path.of(entry).toAbsolutePath().equals(CLASSES.toAbsolutePath())) {
                    urls.add(Path.of(entry).toUri().toURL()); // pf4j, jOOQ: what the API's signatures refer to
                }
            }
            baseline = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        }
    }

    @Test
    void theHostAnnouncesTheNewestChangelogVersionOfTheBaselinesMajor() throws IOException {
        Matcher announced = version(PluginApi.VERSION);
        Matcher newest = VERSION.matcher(Files.readString(Path.of("../CHANGELOG.md")).lines()
                .filter(line -> line.startsWith("## ")).findFirst().orElseThrow().replaceAll("^## (\\d+\\.\\d+)( |$)",
                        "$1.0 "));
        assertThat(newest.find()).isTrue();
        assertThat(newest.group(1) + "." + newest.group(2)).isEqualTo(announced.group(1) + "." + announced.group(2));
        // a major release is the only place for an incompatible change; it starts a new baseline
        assertThat(version(baselineVersion).group(1)).isEqualTo(announced.group(1));
    }

    @Test
    void noSinceTagNamesAVersionAboveTheAnnouncedOne() throws IOException {
        Matcher announced = version(PluginApi.VERSION);
        int current = Integer.parseInt(announced.group(1)) * 1000 + Integer.parseInt(announced.group(2));
        Set<String> tooNew = new TreeSet<>();
        for (Path file : sources()) {
            Matcher since = SINCE.matcher(Files.readString(file));
            while (since.find()) {
                if (Integer.parseInt(since.group(1)) * 1000 + Integer.parseInt(since.group(2)) > current) {
                    tooNew.add(SOURCES.relativize(file) + ": " + since.group());
                }
            }
        }
        assertThat(tooNew).isEmpty();
    }

    @Test
    void everythingNewSinceTheBaselineSaysSinceWhichVersion() throws Exception {
        String expected = version(PluginApi.VERSION).group(1) + "." + version(PluginApi.VERSION).group(2);
        List<String> untagged = new ArrayList<>();
        Set<String> old;
        try (JarFile jar = new JarFile(baseline.getURLs()[0].getPath())) {
            old = jar.stream().map(entry -> entry.getName()).filter(name -> name.endsWith(".class"))
                    .map(name -> name.replace('/', '.').replaceAll("\\.class$", "")).collect(Collectors.toSet());
        }
        for (Path file : sources()) {
            String source = Files.readString(file);
            String name = SOURCES.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
            Class<?> type = Class.forName(name);
            if (!Modifier.isPublic(type.getModifiers())) {
                continue;
            }
            if (!old.contains(name)) {
                String pkg = type.getPackageName();
                boolean newPackage = old.stream().noneMatch(known -> known.startsWith(pkg + ".")
                        && known.indexOf('.', pkg.length() + 1) < 0);
                if (!tagged(javadocBefore(source, "(class|interface|record|enum|@interface) " + type.getSimpleName()
                        + "\\b"), expected) && !(newPackage && tagged(packageInfo(file), expected))) {
                    untagged.add(name);
                }
                continue;
            }
            Class<?> before = baseline.loadClass(name);
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic() && !has(before, method)
                        && !tagged(javadocBefore(source, declaration(method)), expected)) {
                    untagged.add(name + "#" + method.getName());
                }
            }
            for (Class<?> nested : type.getDeclaredClasses()) {
                for (Field field : nested.getDeclaredFields()) {
                    if (field.isEnumConstant() && !hasConstant(before, nested, field)
                            && !tagged(javadocBefore(source, "\\b" + field.getName() + "\\b"), expected)) {
                        untagged.add(nested.getName() + "." + field.getName());
                    }
                }
            }
        }
        assertThat(untagged).as("public API without \"Since plugin API %s\" in its javadoc", expected).isEmpty();
    }

    private static boolean tagged(String javadoc, String version) {
        Matcher since = SINCE.matcher(javadoc);
        while (since.find()) {
            if ((since.group(1) + "." + since.group(2)).equals(version)) {
                return true;
            }
        }
        return false;
    }

    private static String packageInfo(Path file) throws IOException {
        Path info = file.resolveSibling("package-info.java");
        return Files.exists(info) ? Files.readString(info) : "";
    }

    private static boolean has(Class<?> before, Method method) {
        return Arrays.stream(before.getDeclaredMethods()).anyMatch(old -> old.getName().equals(method.getName())
                && Arrays.stream(old.getParameterTypes()).map(Class::getName).toList()
                .equals(Arrays.stream(method.getParameterTypes()).map(Class::getName).toList()));
    }

    private static boolean hasConstant(Class<?> before, Class<?> nested, Field field) {
        return Arrays.stream(before.getDeclaredClasses()).filter(old -> old.getName().equals(nested.getName()))
                .flatMap(old -> Arrays.stream(old.getDeclaredFields())).anyMatch(old -> old.getName()
                        .equals(field.getName()));
    }

    /** A method's declaration in source: its name, then its parameter types' simple names in order. */
    private static String declaration(Method method) {
        return "\\b" + method.getName() + "\\(" + Arrays.stream(method.getParameterTypes())
                .map(type -> "[^)]*\\b" + Pattern.quote(type.getSimpleName()) + "\\b").collect(Collectors.joining())
                + "[^)]*\\)";
    }

    /** The javadoc comment right before the first match of {@code declaration} (annotations in between allowed). */
    private static String javadocBefore(String source, String declaration) {
        Matcher match = Pattern.compile(declaration).matcher(source);
        while (match.find()) {
            int end = source.lastIndexOf("*/", match.start());
            int start = source.lastIndexOf("/**", match.start());
            if (end > start && start >= 0 && source.substring(end + 2, match.start()).matches("(?s)[^;{}]*")) {
                return source.substring(start, end);
            }
        }
        return "";
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java") && !file.endsWith("package-info.java"))
                    .sorted().toList();
        }
    }

    private static Matcher version(String text) {
        Matcher matcher = VERSION.matcher(text);
        assertThat(matcher.matches()).as("semantic version: %s", text).isTrue();
        return matcher;
    }
}
