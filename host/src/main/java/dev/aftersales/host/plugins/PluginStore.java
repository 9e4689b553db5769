package dev.aftersales.host.plugins;

import static dev.aftersales.host.jooq.Tables.HOST_INSTANCES;
import static dev.aftersales.host.jooq.Tables.PLUGIN_INSTANCE_STATES;
import static dev.aftersales.host.jooq.Tables.PLUGIN_JARS;
import static dev.aftersales.host.jooq.Tables.PLUGIN_JAR_CHANGES;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.springframework.stereotype.Component;

/**
 * The plugins installed through the operator API, as every host instance on the database shares them: the jars,
 * the state operators want, a change counter instances poll, and what each instance reports it has loaded.
 */
@Component
public class PluginStore {

    public static final String INSTALLED = "INSTALLED";
    public static final String UNINSTALLED = "UNINSTALLED";
    /** How long an instance without heartbeat stays listed (stale) before the next start forgets it. */
    static final Duration FORGET_AFTER = Duration.ofDays(7);

    private final DSLContext db;

    public PluginStore(DSLContext db) {
        this.db = db;
    }

    /** A stored plugin without its jar. */
    public record StoredPlugin(String pluginId, String version, String desiredState, String sha256, long generation,
                               Instant updatedAt, String updatedBy) {

        public boolean installed() {
            return INSTALLED.equals(desiredState);
        }
    }

    /** What one instance reports about one plugin. */
    public record InstanceState(String instanceId, String pluginId, String state, String loadedVersion,
                                long generation, String error, Instant updatedAt) {
    }

    /** A host instance with its last heartbeat. */
    public record HostInstance(String instanceId, Instant startedAt, Instant heartbeatAt) {
    }

    /** The counter every change bumps: one primary-key read, polled by every instance. */
    long changeCounter() {
        return db.select(PLUGIN_JAR_CHANGES.GENERATION).from(PLUGIN_JAR_CHANGES).where(PLUGIN_JAR_CHANGES.ID.eq(1))
                .fetchSingle().value1();
    }

    public List<StoredPlugin> all() {
        return db.select(PLUGIN_JARS.PLUGIN_ID, PLUGIN_JARS.VERSION, PLUGIN_JARS.DESIRED_STATE, PLUGIN_JARS.JAR_SHA256,
                        PLUGIN_JARS.GENERATION, PLUGIN_JARS.UPDATED_AT, PLUGIN_JARS.UPDATED_BY)
                .from(PLUGIN_JARS).orderBy(PLUGIN_JARS.PLUGIN_ID)
                .fetch(row -> new StoredPlugin(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
                        instant(row.value6()), row.value7()));
    }

    /** The stored jar of a plugin as of {@code generation}; empty when it changed since (the next poll sees it). */
    Optional<byte[]> jar(String pluginId, long generation) {
        return db.select(PLUGIN_JARS.JAR).from(PLUGIN_JARS)
                .where(PLUGIN_JARS.PLUGIN_ID.eq(pluginId).and(PLUGIN_JARS.GENERATION.eq(generation)))
                .and(PLUGIN_JARS.DESIRED_STATE.eq(INSTALLED))
                .fetchOptional(PLUGIN_JARS.JAR);
    }

    /** The largest statement the database accepts: a jar must fit into one insert and one result row. */
    long maxStatementBytes() {
        return db.fetchSingle("SELECT @@max_allowed_packet").get(0, Long.class);
    }

    /** Stores an installed (or upgraded) plugin's jar; returns the generation instances converge to. */
    long storeInstalled(String pluginId, String version, byte[] jar, String sha256, String by, Instant now) {
        return change(pluginId, version, INSTALLED, jar, sha256, by, now);
    }

    /** Marks a plugin uninstalled everywhere (its jar is dropped); returns the generation. */
    long storeUninstalled(String pluginId, String version, String by, Instant now) {
        return change(pluginId, version, UNINSTALLED, null, null, by, now);
    }

    private long change(String pluginId, String version, String state, byte[] jar, String sha256, String by,
                        Instant now) {
        return db.transactionResult(tx -> {
            DSLContext dsl = tx.dsl();
            // the counter row's lock orders changes made on different instances at the same time
            long generation = dsl.select(PLUGIN_JAR_CHANGES.GENERATION).from(PLUGIN_JAR_CHANGES)
                    .where(PLUGIN_JAR_CHANGES.ID.eq(1)).forUpdate().fetchSingle().value1() + 1;
            dsl.update(PLUGIN_JAR_CHANGES).set(PLUGIN_JAR_CHANGES.GENERATION, generation)
                    .where(PLUGIN_JAR_CHANGES.ID.eq(1)).execute();
            int updated = dsl.update(PLUGIN_JARS)
                    .set(PLUGIN_JARS.VERSION, version).set(PLUGIN_JARS.DESIRED_STATE, state)
                    .set(PLUGIN_JARS.JAR, jar).set(PLUGIN_JARS.JAR_SHA256, sha256)
                    .set(PLUGIN_JARS.GENERATION, generation).set(PLUGIN_JARS.UPDATED_AT, local(now))
                    .set(PLUGIN_JARS.UPDATED_BY, by)
                    .where(PLUGIN_JARS.PLUGIN_ID.eq(pluginId)).execute();
            if (updated == 0) {
                dsl.insertInto(PLUGIN_JARS)
                        .set(PLUGIN_JARS.PLUGIN_ID, pluginId).set(PLUGIN_JARS.VERSION, version)
                        .set(PLUGIN_JARS.DESIRED_STATE, state).set(PLUGIN_JARS.JAR, jar)
                        .set(PLUGIN_JARS.JAR_SHA256, sha256).set(PLUGIN_JARS.GENERATION, generation)
                        .set(PLUGIN_JARS.UPDATED_AT, local(now)).set(PLUGIN_JARS.UPDATED_BY, by)
                        .execute();
            }
            return generation;
        });
    }

    /** Records that the instance is alive (and when it started, on its first beat). */
    void heartbeat(String instanceId, Instant startedAt, Instant now) {
        int updated = db.update(HOST_INSTANCES).set(HOST_INSTANCES.HEARTBEAT_AT, local(now))
                .where(HOST_INSTANCES.INSTANCE_ID.eq(instanceId)).execute();
        if (updated == 0) {
            db.insertInto(HOST_INSTANCES).set(HOST_INSTANCES.INSTANCE_ID, instanceId)
                    .set(HOST_INSTANCES.STARTED_AT, local(startedAt)).set(HOST_INSTANCES.HEARTBEAT_AT, local(now))
                    .onDuplicateKeyIgnore().execute();
        }
    }

    /**
     * A (re)started instance: its start time and heartbeat are now. Instances silent for {@link #FORGET_AFTER} are
     * forgotten with their states (replaced pods would otherwise be listed for ever).
     */
    void started(String instanceId, Instant now) {
        db.transaction(tx -> {
            List<String> gone = tx.dsl().select(HOST_INSTANCES.INSTANCE_ID).from(HOST_INSTANCES)
                    .where(HOST_INSTANCES.HEARTBEAT_AT.lt(local(now.minus(FORGET_AFTER))))
                    .fetch(HOST_INSTANCES.INSTANCE_ID);
            tx.dsl().deleteFrom(PLUGIN_INSTANCE_STATES).where(PLUGIN_INSTANCE_STATES.INSTANCE_ID.in(gone)).execute();
            tx.dsl().deleteFrom(HOST_INSTANCES).where(HOST_INSTANCES.INSTANCE_ID.in(gone)).execute();
            tx.dsl().deleteFrom(HOST_INSTANCES).where(HOST_INSTANCES.INSTANCE_ID.eq(instanceId)).execute();
            tx.dsl().insertInto(HOST_INSTANCES).set(HOST_INSTANCES.INSTANCE_ID, instanceId)
                    .set(HOST_INSTANCES.STARTED_AT, local(now)).set(HOST_INSTANCES.HEARTBEAT_AT, local(now))
                    .execute();
        });
    }

    /** Replaces everything the instance reported before with {@code states}. */
    void report(String instanceId, List<InstanceState> states) {
        db.transaction(tx -> {
            DSLContext dsl = tx.dsl();
            dsl.deleteFrom(PLUGIN_INSTANCE_STATES).where(PLUGIN_INSTANCE_STATES.INSTANCE_ID.eq(instanceId)).execute();
            List<Query> inserts = states.stream().<Query>map(state -> dsl.insertInto(PLUGIN_INSTANCE_STATES)
                    .set(PLUGIN_INSTANCE_STATES.INSTANCE_ID, instanceId)
                    .set(PLUGIN_INSTANCE_STATES.PLUGIN_ID, state.pluginId())
                    .set(PLUGIN_INSTANCE_STATES.STATE, state.state())
                    .set(PLUGIN_INSTANCE_STATES.LOADED_VERSION, state.loadedVersion())
                    .set(PLUGIN_INSTANCE_STATES.GENERATION, state.generation())
                    .set(PLUGIN_INSTANCE_STATES.ERROR, truncate(state.error()))
                    .set(PLUGIN_INSTANCE_STATES.UPDATED_AT, local(state.updatedAt()))).toList();
            if (!inserts.isEmpty()) {
                dsl.batch(inserts).execute();
            }
        });
    }

    public List<HostInstance> instances() {
        return db.selectFrom(HOST_INSTANCES).orderBy(HOST_INSTANCES.INSTANCE_ID)
                .fetch(row -> new HostInstance(row.getInstanceId(), instant(row.getStartedAt()),
                        instant(row.getHeartbeatAt())));
    }

    public List<InstanceState> states() {
        return db.selectFrom(PLUGIN_INSTANCE_STATES)
                .orderBy(PLUGIN_INSTANCE_STATES.PLUGIN_ID, PLUGIN_INSTANCE_STATES.INSTANCE_ID)
                .fetch(row -> new InstanceState(row.getInstanceId(), row.getPluginId(), row.getState(),
                        row.getLoadedVersion(), row.getGeneration(), row.getError(), instant(row.getUpdatedAt())));
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 2000 ? error : error.substring(0, 1997) + "...";
    }

    private static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
