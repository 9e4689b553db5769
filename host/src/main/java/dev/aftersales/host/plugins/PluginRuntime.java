package dev.aftersales.host.plugins;

import dev.aftersales.api.Feature;
import dev.aftersales.api.FeatureDescriptor;
import dev.aftersales.api.PluginApi;
import dev.aftersales.api.platform.Connector;
import dev.aftersales.host.config.AftersalesProperties;
import dev.aftersales.host.graphql.SchemaAssembler;
import graphql.schema.PropertyDataFetcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Loads, installs, upgrades and uninstalls plugin jars at run time. Each jar holds exactly one {@link Feature}
 * whose id is the jar's {@code Plugin-Id}. A jar that fails to load is recorded with its reason (health, operator
 * API) and the host carries on with the others.
 */
@Component
public class PluginRuntime {

    private static final Logger log = LoggerFactory.getLogger(PluginRuntime.class);

    private final Path pluginsDir;
    private final HostPluginManager pf4j;
    private final PluginMigrations migrations;
    private final SchemaAssembler schemaAssembler;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<String, LoadedPlugin> plugins = new ConcurrentHashMap<>();
    private final List<PluginFailure> failures = new CopyOnWriteArrayList<>();
    private final AtomicLong generations = new AtomicLong();
    private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();
    /** Stands in for the swap lock when nothing is swapped (install() is synchronized anyway). */
    private final Lock noSwap = new ReentrantLock();

    public PluginRuntime(AftersalesProperties properties, PluginMigrations migrations, SchemaAssembler schemaAssembler,
                         ApplicationEventPublisher events, Clock clock) {
        this.pluginsDir = properties.pluginsDir().toAbsolutePath().normalize();
        this.pf4j = new HostPluginManager(pluginsDir);
        this.migrations = migrations;
        this.schemaAssembler = schemaAssembler;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Loads every jar in the plugins directory, in name order, except those of plugins in {@code managedElsewhere}
     * (installed through the operator API: the database holds their jar and state, see {@link PluginDistribution}).
     */
    synchronized void loadDirectory(Set<String> managedElsewhere) {
        try {
            Files.createDirectories(pluginsDir);
            List<Path> jars;
            try (Stream<Path> files = Files.list(pluginsDir)) {
                jars = files.filter(PluginRuntime::isJar).sorted().toList();
            }
            for (Path jar : jars) {
                try {
                    String pluginId = PluginJarManifest.read(jar).getPluginId();
                    if (managedElsewhere.contains(pluginId)) {
                        log.info("Plugin jar {} skipped: plugin {} is installed through the operator API",
                                jar.getFileName(), pluginId);
                        continue;
                    }
                    register(load(jar));
                } catch (PluginLoadException e) {
                    recordFailure(jar.getFileName().toString(), e);
                }
            }
            log.info("Plugins loaded from {}: {}; failed: {}", pluginsDir, plugins.keySet(), failures.size());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the plugins directory " + pluginsDir, e);
        }
    }

    /** Unloads every plugin (shutdown). */
    synchronized void unloadAll() {
        for (String id : List.copyOf(plugins.keySet())) {
            LoadedPlugin plugin = plugins.remove(id);
            pf4j.stopPlugin(plugin.id());
            pf4j.unloadPlugin(plugin.id());
        }
    }

    /**
     * Runs {@code read} while no plugin is being swapped for another version, so a request sees the old version or
     * the new one, never the moment between them. Upgrades wait for readers that are inside; readers wait (for the
     * time a load takes) while an upgrade swaps.
     */
    public <T> T stable(Supplier<T> read) {
        swap.readLock().lock();
        try {
            return read.get();
        } finally {
            swap.readLock().unlock();
        }
    }

    public Collection<LoadedPlugin> plugins() {
        return List.copyOf(plugins.values());
    }

    public Optional<LoadedPlugin> plugin(String id) {
        return Optional.ofNullable(plugins.get(id));
    }

    public List<PluginFailure> failures() {
        return List.copyOf(failures);
    }

    public Path pluginsDir() {
        return pluginsDir;
    }

    /**
     * Installs (or upgrades) a plugin from the bytes of its jar. The jar is checked before an installed version
     * is replaced, and an upgrade swaps the versions inside {@link #stable}'s write side; the installed jar stays in
     * the plugins directory.
     */
    public synchronized LoadedPlugin install(byte[] jarBytes) {
        Path staged = stage(jarBytes);
        try {
            PluginDescriptor descriptor = PluginJarManifest.read(staged);
            checkRequires(descriptor);
            Path target = pluginsDir.resolve(descriptor.getPluginId() + ".jar");
            Optional<LoadedPlugin> installed = Optional.ofNullable(plugins.get(descriptor.getPluginId()));
            // a fresh install has no gap to hide; an upgrade keeps requests out until the new version is in
            Lock lock = installed.isPresent() ? swap.writeLock() : noSwap;
            lock.lock();
            try {
                if (installed.isPresent()) {
                    retireAndUnload(installed.get());
                    Files.deleteIfExists(installed.get().jar());
                }
                Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                try {
                    LoadedPlugin plugin = load(target);
                    register(plugin);
                    failures.removeIf(f -> descriptor.getPluginId().equals(f.pluginId()));
                    log.info("Installed plugin {} {}", plugin.id(), plugin.version());
                    return plugin;
                } catch (PluginLoadException e) {
                    Files.deleteIfExists(target);
                    throw e;
                }
            } finally {
                lock.unlock();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the plugins directory " + pluginsDir, e);
        } finally {
            deleteQuietly(staged);
        }
    }

    /**
     * Retires a plugin: shops stop seeing it, requests already running on it finish, then its classes are unloaded
     * and its jar removed. Its tables and data stay for a later reinstall.
     */
    public synchronized boolean uninstall(String pluginId) {
        LoadedPlugin plugin = plugins.get(pluginId);
        if (plugin == null) {
            return false;
        }
        retireAndUnload(plugin);
        try {
            Files.deleteIfExists(plugin.jar());
        } catch (IOException e) {
            throw new UncheckedIOException("Plugin " + pluginId + " unloaded but its jar could not be deleted", e);
        }
        log.info("Uninstalled plugin {} {}", plugin.id(), plugin.version());
        return true;
    }

    private void retireAndUnload(LoadedPlugin plugin) {
        plugins.remove(plugin.id());
        events.publishEvent(new PluginEvents.PluginRetiring(plugin));
        pf4j.stopPlugin(plugin.id());
        pf4j.unloadPlugin(plugin.id());
        // graphql-java caches reflective lookups keyed by class: drop them, or the plugin's loader stays reachable
        PropertyDataFetcher.clearReflectionCache();
    }

    private void register(LoadedPlugin plugin) {
        plugins.put(plugin.id(), plugin);
        events.publishEvent(new PluginEvents.PluginLoaded(plugin));
    }

    private LoadedPlugin load(Path jar) {
        String pluginId = null;
        try {
            pluginId = pf4j.loadPlugin(jar);
            PluginWrapper wrapper = pf4j.getPlugin(pluginId);
            checkRequires(wrapper.getDescriptor());
            PluginState state = pf4j.startPlugin(pluginId);
            if (state != PluginState.STARTED) {
                throw new PluginLoadException(pluginId, "did not start (state " + state + ")",
                        wrapper.getFailedException());
            }
            Feature feature = singleFeature(pluginId);
            FeatureDescriptor descriptor = feature.descriptor();
            if (!descriptor.id().equals(pluginId)) {
                throw new PluginLoadException(pluginId, "its feature id '" + descriptor.id()
                        + "' differs from its Plugin-Id '" + pluginId + "'");
            }
            ClassLoader classLoader = wrapper.getPluginClassLoader();
            String fragment = readResource(classLoader, descriptor.schemaResource(), pluginId);
            String adminFragment = readResource(classLoader, descriptor.adminSchemaResource(), pluginId);
            SchemaContribution contribution = parseContribution(pluginId, fragment);
            refuseConflicts(pluginId, contribution);
            FeatureWiring wiring = new FeatureWiring(pluginId);
            feature.register(wiring);
            schemaAssembler.check(pluginId, fragment, wiring);
            int applied = migrations.migrate(descriptor, classLoader);
            log.info("Plugin {} {} loaded from {} ({} migrations applied)", pluginId,
                    wrapper.getDescriptor().getVersion(), jar.getFileName(), applied);
            return new LoadedPlugin(pluginId, wrapper.getDescriptor().getVersion(),
                    wrapper.getDescriptor().getRequires(), jar, feature, descriptor, fragment, adminFragment,
                    contribution, wiring, migrations.tablesOf(descriptor), connector(pluginId), classLoader,
                    generations.incrementAndGet());
        } catch (PluginLoadException e) {
            unloadAfterFailure(pluginId, e);
            throw e;
        } catch (RuntimeException | LinkageError e) {
            PluginLoadException failure = new PluginLoadException(pluginId, describe(e), e);
            unloadAfterFailure(pluginId, failure);
            throw failure;
        }
    }

    private Feature singleFeature(String pluginId) {
        List<Feature> features = pf4j.getExtensions(Feature.class, pluginId);
        if (features.size() != 1) {
            throw new PluginLoadException(pluginId, "must contain exactly one Feature extension, found "
                    + features.size() + " (is META-INF/extensions.idx in the jar? name org.pf4j:pf4j in the "
                    + "compiler's annotationProcessorPaths)");
        }
        return features.getFirst();
    }

    private Optional<Connector> connector(String pluginId) {
        List<Connector> connectors = pf4j.getExtensions(Connector.class, pluginId);
        if (connectors.size() > 1) {
            throw new PluginLoadException(pluginId, "contains " + connectors.size() + " connectors; at most one");
        }
        return connectors.stream().findFirst();
    }

    private void checkRequires(PluginDescriptor descriptor) {
        String requires = descriptor.getRequires();
        if (requires == null || requires.isBlank() || "*".equals(requires.trim())) {
            throw new PluginLoadException(descriptor.getPluginId(),
                    "declares no Plugin-Requires; it must name the plugin API versions it works with, e.g. >=1.0.0 & <2.0.0");
        }
        if (!pf4j.getVersionManager().checkVersionConstraint(PluginApi.VERSION, requires)) {
            throw new PluginLoadException(descriptor.getPluginId(), "requires plugin API " + requires
                    + " but this host provides " + PluginApi.VERSION);
        }
    }

    private void refuseConflicts(String pluginId, SchemaContribution contribution) {
        Set<String> withBase = contribution.overlapWith(schemaAssembler.baseContribution());
        if (!withBase.isEmpty()) {
            throw new PluginLoadException(pluginId, "redefines " + withBase + " of the base schema");
        }
        for (LoadedPlugin other : plugins.values()) {
            if (other.id().equals(pluginId)) {
                continue;
            }
            Set<String> overlap = contribution.overlapWith(other.contribution());
            if (!overlap.isEmpty()) {
                throw new PluginLoadException(pluginId, "conflicts with plugin '" + other.id() + "': both define "
                        + overlap + "; plugin '" + pluginId + "' was refused and '" + other.id() + "' keeps running");
            }
        }
    }

    private static SchemaContribution parseContribution(String pluginId, String fragment) {
        try {
            return SchemaContribution.of(fragment);
        } catch (RuntimeException e) {
            throw new PluginLoadException(pluginId, "its schema fragment does not parse: " + e.getMessage(), e);
        }
    }

    private static String readResource(ClassLoader classLoader, String resource, String pluginId) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PluginLoadException(pluginId, "cannot read " + resource, e);
        }
    }

    private Path stage(byte[] jarBytes) {
        try {
            Files.createDirectories(pluginsDir);
            // a hidden name: never loaded as a plugin at start, but ends in .jar as PF4J's manifest reader expects
            Path staged = Files.createTempFile(pluginsDir, ".upload-", ".jar");
            Files.write(staged, jarBytes);
            return staged;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the plugins directory " + pluginsDir, e);
        }
    }

    private void unloadAfterFailure(String pluginId, PluginLoadException failure) {
        if (pluginId == null || pf4j.getPlugin(pluginId) == null) {
            return;
        }
        try {
            pf4j.stopPlugin(pluginId);
            pf4j.unloadPlugin(pluginId);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** Records a jar that could not be loaded, for health and the operator API (one entry per jar). */
    void recordFailure(String jar, PluginLoadException e) {
        failures.removeIf(f -> f.jar().equals(jar));
        failures.add(new PluginFailure(jar, e.pluginId(), e.getMessage(), clock.instant()));
        log.error("Plugin jar {} (plugin {}) not loaded: {}", jar, e.pluginId(), e.getMessage(), e.getCause());
    }

    /** Forgets the failures of a plugin that has been loaded or uninstalled since. */
    void clearFailures(String pluginId) {
        failures.removeIf(f -> pluginId.equals(f.pluginId()));
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static boolean isJar(Path path) {
        String name = path.getFileName().toString();
        return Files.isRegularFile(path) && name.endsWith(".jar") && !name.startsWith(".");
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("Could not delete staged upload {}: {}", path, e.getMessage());
        }
    }
}
