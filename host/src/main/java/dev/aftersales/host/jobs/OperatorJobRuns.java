package dev.aftersales.host.jobs;

import static dev.aftersales.host.jooq.Tables.JOB_RUNS;

import dev.aftersales.api.graphql.UserError;
import dev.aftersales.host.jooq.tables.records.JobRunsRecord;
import dev.aftersales.host.plugins.FeatureWiring;
import dev.aftersales.host.plugins.LoadedPlugin;
import dev.aftersales.host.plugins.PluginDistribution;
import dev.aftersales.host.plugins.PluginRuntime;
import dev.aftersales.host.tenancy.Shop;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Runs a plugin's job for one shop now, for an operator, and records who ran it, when and how it ended. The run
 * takes the job's running lock like a scheduled run: never twice at once for a shop, on any instance.
 */
@Component
public class OperatorJobRuns {

    private final FeatureJobs jobs;
    private final PluginRuntime plugins;
    private final DSLContext db;
    private final Clock clock;
    private final String instanceId;

    public OperatorJobRuns(FeatureJobs jobs, PluginRuntime plugins, DSLContext db, Clock clock,
                           PluginDistribution distribution) {
        this.jobs = jobs;
        this.plugins = plugins;
        this.db = db;
        this.clock = clock;
        this.instanceId = distribution.instanceId();
    }

    /** A recorded run. {@code outcome} is RUNNING, SUCCEEDED or FAILED. */
    public record JobRun(long id, String shopId, String pluginId, String job, String requestedBy, String instanceId,
                         Instant startedAt, Instant finishedAt, String outcome, String error) {
    }

    /** The run, or the userErrors that kept it from starting. */
    public record Result(JobRun run, List<UserError> userErrors) {
    }

    public Result run(Shop shop, String pluginId, String jobName, String requestedBy) {
        Optional<LoadedPlugin> plugin = plugins.plugin(pluginId);
        if (plugin.isEmpty()) {
            return refused(UserError.of("UNKNOWN_PLUGIN", "No plugin '" + pluginId + "' is loaded", "input",
                    "pluginId"));
        }
        List<FeatureWiring.JobDefinition> defined = plugin.get().wiring().jobs();
        Optional<FeatureWiring.JobDefinition> job = defined.stream().filter(j -> j.name().equals(jobName)).findFirst();
        if (job.isEmpty()) {
            return refused(UserError.of("UNKNOWN_JOB", "Plugin '" + pluginId + "' has no job '" + jobName + "'; its jobs: "
                    + (defined.isEmpty() ? "none" : defined.stream().map(FeatureWiring.JobDefinition::name)
                    .collect(Collectors.joining(", "))), "input", "job"));
        }
        if (!shop.isEnabled(pluginId)) {
            return refused(UserError.of("FEATURE_NOT_ENABLED", "Shop '" + shop.id() + "' has not enabled '" + pluginId
                    + "'; enable it before running its jobs", "input", "pluginId"));
        }
        return jobs.whileRunning(shop, plugin.get(), job.get(), () -> {
                    long id = started(shop.id(), pluginId, jobName, requestedBy);
                    Optional<Exception> failure = jobs.run(shop, plugin.get(), job.get());
                    return new Result(finished(id, failure), List.of());
                })
                .orElseGet(() -> refused(UserError.of("ALREADY_RUNNING", "Job '" + jobName + "' of '" + pluginId
                        + "' is running for shop '" + shop.id() + "' right now (here or on another instance); try again"
                        + " when it has finished", "input", "job")));
    }

    /** The shop's recorded runs, newest first. */
    public List<JobRun> recent(String shopId, int limit) {
        return db.selectFrom(JOB_RUNS).where(JOB_RUNS.SHOP_ID.eq(shopId)).orderBy(JOB_RUNS.ID.desc()).limit(limit)
                .fetch(OperatorJobRuns::view);
    }

    private long started(String shopId, String pluginId, String job, String requestedBy) {
        // LAST_INSERT_ID on the insert's own connection: RETURNING does not work on MariaDB through Connector/J
        return db.transactionResult(tx -> {
            tx.dsl().insertInto(JOB_RUNS)
                    .set(JOB_RUNS.SHOP_ID, shopId).set(JOB_RUNS.PLUGIN_ID, pluginId).set(JOB_RUNS.JOB, job)
                    .set(JOB_RUNS.REQUESTED_BY, requestedBy).set(JOB_RUNS.INSTANCE_ID, instanceId)
                    .set(JOB_RUNS.STARTED_AT, now()).set(JOB_RUNS.OUTCOME, "RUNNING")
                    .execute();
            return tx.dsl().lastID().longValueExact();
        });
    }

    private JobRun finished(long id, Optional<Exception> failure) {
        db.update(JOB_RUNS)
                .set(JOB_RUNS.FINISHED_AT, now())
                .set(JOB_RUNS.OUTCOME, failure.isEmpty() ? "SUCCEEDED" : "FAILED")
                .set(JOB_RUNS.ERROR, failure.map(OperatorJobRuns::describe).orElse(null))
                .where(JOB_RUNS.ID.eq(id)).execute();
        return view(db.selectFrom(JOB_RUNS).where(JOB_RUNS.ID.eq(id)).fetchSingle());
    }

    private static String describe(Exception e) {
        String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return message.length() <= 2000 ? message : message.substring(0, 1997) + "...";
    }

    private static JobRun view(JobRunsRecord row) {
        return new JobRun(row.getId(), row.getShopId(), row.getPluginId(), row.getJob(), row.getRequestedBy(),
                row.getInstanceId(), row.getStartedAt().toInstant(ZoneOffset.UTC),
                row.getFinishedAt() == null ? null : row.getFinishedAt().toInstant(ZoneOffset.UTC), row.getOutcome(),
                row.getError());
    }

    private static Result refused(UserError error) {
        return new Result(null, List.of(error));
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
