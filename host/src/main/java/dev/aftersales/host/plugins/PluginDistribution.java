package dev.aftersales.host.plugins;

import dev.aftersales.host.jobs.WorkerPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Brings plugins installed, upgraded or uninstalled through the operator API to every host instance on the
 * database. The instance that receives the call loads the jar as before and then stores it ({@link PluginStore});
 * every instance polls the store's change counter and applies newer changes with the same install and uninstall
 * steps, and reports what it has loaded. At start the stored plugins win over jars with the same id in the plugins
 * directory, so a restarted or new instance loads what operators installed even if its directory lacks the jar.
 */
@Component
public class PluginDistribution implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PluginDistribution.class);
    /** Room for the statement around the jar bytes when checking them against max_allowed_packet. */
    private static final long STATEMENT_OVERHEAD = 64 * 1024;

    private final PluginRuntime runtime;
    private final PluginStore store;
    private final Clock clock;
    private final String instanceId;
    private final WorkerPool poller;
    /** Per stored plugin, the generation this instance has applied (loaded, failed or uninstalled). */
    private final Map<String, Long> applied = new ConcurrentHashMap<>();
    private volatile long seenChanges = -1;
    private volatile boolean reportDue;
    private volatile boolean running;

    public PluginDistribution(PluginRuntime runtime, PluginStore store, ClusterProperties cluster, Clock clock) {
        this.runtime = runtime;
        this.store = store;
        this.clock = clock;
        this.instanceId = cluster.effectiveInstanceId();
        this.poller = new WorkerPool("plugin-poll", 1, cluster.pluginPollInterval(), () -> {
            poll();
            return 0;
        }, () -> { });
    }

    /** Loads the plugins directory and the stored plugins before the web server takes requests. */
    @Override
    public void start() {
        synchronized (this) {
            long changes = store.changeCounter();
            List<PluginStore.StoredPlugin> stored = store.all();
            runtime.loadDirectory(stored.stream().map(PluginStore.StoredPlugin::pluginId).collect(Collectors.toSet()));
            stored.forEach(this::apply);
            seenChanges = changes;
            store.started(instanceId, clock.instant());
            report();
        }
        running = true;
        poller.start();
    }

    @Override
    public void stop() {
        running = false;
        poller.stop();
        synchronized (this) {
            runtime.unloadAll();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Early: plugins are loaded before the web server starts taking requests. */
    @Override
    public int getPhase() {
        return 0;
    }

    public String instanceId() {
        return instanceId;
    }

    /**
     * Installs or upgrades a plugin on this instance, then stores the jar so every other instance follows. A jar the
     * database cannot hold in one statement is refused before anything changes.
     */
    public synchronized LoadedPlugin install(byte[] jar, String by) {
        long limit = store.maxStatementBytes() - STATEMENT_OVERHEAD;
        if (jar.length > limit) {
            throw new PluginLoadException(null, "the jar has " + jar.length + " bytes, more than the " + limit
                    + " the database accepts in one statement; raise max_allowed_packet on the database server");
        }
        LoadedPlugin plugin;
        try {
            plugin = runtime.install(jar);
        } catch (PluginLoadException e) {
            if (e.pluginId() != null) {
                // an upgrade refused after the old version was retired: the next poll reloads the stored version
                applied.remove(e.pluginId());
                seenChanges = -1;
            }
            throw e;
        }
        try {
            applied.put(plugin.id(), store.storeInstalled(plugin.id(), plugin.version(), jar, sha256(jar), by,
                    clock.instant()));
        } catch (RuntimeException e) {
            // not stored: the next poll puts this instance back to what the store says
            applied.remove(plugin.id());
            seenChanges = -1;
            throw e;
        }
        reportQuietly();
        return plugin;
    }

    /** Uninstalls a plugin here and on every instance; false when no instance has it installed. */
    public synchronized boolean uninstall(String pluginId, String by) {
        Optional<LoadedPlugin> loaded = runtime.plugin(pluginId);
        Optional<PluginStore.StoredPlugin> stored = store.all().stream()
                .filter(row -> row.pluginId().equals(pluginId) && row.installed()).findFirst();
        if (loaded.isEmpty() && stored.isEmpty()) {
            return false;
        }
        runtime.uninstall(pluginId);
        runtime.clearFailures(pluginId);
        String version = loaded.map(LoadedPlugin::version).orElseGet(() -> stored.get().version());
        try {
            applied.put(pluginId, store.storeUninstalled(pluginId, version, by, clock.instant()));
        } catch (RuntimeException e) {
            applied.remove(pluginId);
            seenChanges = -1;
            throw e;
        }
        reportQuietly();
        return true;
    }

    /** One poll: heartbeat, and when the change counter moved, apply every stored change this instance lacks. */
    synchronized void poll() {
        store.heartbeat(instanceId, clock.instant(), clock.instant());
        long changes = store.changeCounter();
        if (changes != seenChanges) {
            for (PluginStore.StoredPlugin row : store.all()) {
                if (row.generation() > applied.getOrDefault(row.pluginId(), 0L)) {
                    apply(row);
                    reportDue = true;
                }
            }
            seenChanges = changes;
        }
        if (reportDue) {
            report();
            reportDue = false;
        }
    }

    /** Brings this instance to a stored plugin's state, as the instance that received the change did. */
    private void apply(PluginStore.StoredPlugin row) {
        Optional<LoadedPlugin> loaded = runtime.plugin(row.pluginId());
        if (!row.installed()) {
            if (loaded.isPresent()) {
                runtime.uninstall(row.pluginId());
                log.info("Plugin {} uninstalled, as instructed by generation {}", row.pluginId(), row.generation());
            }
            runtime.clearFailures(row.pluginId());
            applied.put(row.pluginId(), row.generation());
            return;
        }
        if (loaded.isPresent() && row.sha256().equals(sha256(loaded.get()))) {
            applied.put(row.pluginId(), row.generation());
            return;
        }
        Optional<byte[]> jar = store.jar(row.pluginId(), row.generation());
        if (jar.isEmpty()) {
            return; // changed again meanwhile: the next poll applies the newer row
        }
        try {
            LoadedPlugin plugin = runtime.install(jar.get());
            log.info("Plugin {} {} installed from the database (generation {})", plugin.id(), plugin.version(),
                    row.generation());
        } catch (PluginLoadException e) {
            runtime.recordFailure(row.pluginId() + ".jar (stored in the database)", e.pluginId() == null
                    ? new PluginLoadException(row.pluginId(), e.getMessage(), e) : e);
        }
        applied.put(row.pluginId(), row.generation());
    }

    /** Tells the store what this instance has: every loaded plugin and every plugin that failed here. */
    private void report() {
        Instant now = clock.instant();
        List<PluginStore.InstanceState> states = new ArrayList<>();
        Set<String> loadedIds = runtime.plugins().stream().map(LoadedPlugin::id).collect(Collectors.toSet());
        for (LoadedPlugin plugin : runtime.plugins()) {
            states.add(new PluginStore.InstanceState(instanceId, plugin.id(), "LOADED", plugin.version(),
                    applied.getOrDefault(plugin.id(), 0L), null, now));
        }
        runtime.failures().stream()
                .filter(failure -> failure.pluginId() != null && !loadedIds.contains(failure.pluginId()))
                .collect(Collectors.toMap(PluginFailure::pluginId, failure -> failure, (a, b) -> b))
                .values().forEach(failure -> states.add(new PluginStore.InstanceState(instanceId, failure.pluginId(),
                        "FAILED", null, applied.getOrDefault(failure.pluginId(), 0L), failure.reason(), now)));
        Set<String> reported = states.stream().map(PluginStore.InstanceState::pluginId).collect(Collectors.toSet());
        applied.forEach((pluginId, generation) -> {
            if (!reported.contains(pluginId)) {
                states.add(new PluginStore.InstanceState(instanceId, pluginId, "UNINSTALLED", null, generation, null,
                        now));
            }
        });
        store.report(instanceId, states);
    }

    /** After an operator's change the change itself is stored; a failed report is repeated by the next poll. */
    private void reportQuietly() {
        try {
            report();
        } catch (RuntimeException e) {
            log.warn("Could not report this instance's plugins; the next poll retries: {}", e.getMessage());
            reportDue = true;
        }
    }

    private static String sha256(LoadedPlugin plugin) {
        try {
            return sha256(Files.readAllBytes(plugin.jar()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the jar of plugin " + plugin.id(), e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
