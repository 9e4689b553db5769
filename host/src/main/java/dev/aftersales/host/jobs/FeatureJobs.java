package dev.aftersales.host.jobs;

import dev.aftersales.host.notify.settings.NotifySettingsStore;
import dev.aftersales.host.plugins.FeatureContexts;
import dev.aftersales.host.plugins.FeatureWiring;
import dev.aftersales.host.plugins.LoadedPlugin;
import dev.aftersales.host.plugins.PluginRuntime;
import dev.aftersales.host.tenancy.Shop;
import dev.aftersales.host.tenancy.ShopDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs each plugin job for each shop that enabled the plugin, on its schedule, at most once per slot across all host
 * instances: a ShedLock lock per job and shop is held until the next slot ({@link JobSlots}). Time comes from the host's clock,
 * so tests move it instead of waiting.
 */
@Component
public class FeatureJobs {

    private static final Logger log = LoggerFactory.getLogger(FeatureJobs.class);
    private static final Duration CRASH_GRACE = Duration.ofMinutes(10);

    private final PluginRuntime plugins;
    private final ShopDirectory shops;
    private final FeatureContexts contexts;
    private final Clock clock;
    private final MeterRegistry meters;
    private final LockingTaskExecutor locks;
    private final Function<String, ZoneId> shopZones;

    public FeatureJobs(PluginRuntime plugins, ShopDirectory shops, FeatureContexts contexts, Clock clock,
                       MeterRegistry meters, DataSource dataSource, NotifySettingsStore notifySettings) {
        this.plugins = plugins;
        this.shops = shops;
        this.contexts = contexts;
        this.clock = clock;
        this.meters = meters;
        this.shopZones = shopId -> notifySettings.of(shopId).timeZone();
        // ShedLock reads time from its own static clock provider: make it the host's, so a moved test clock
        // expires locks as it would in production
        ClockProvider.setClock(clock);
        this.locks = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(
                JdbcTemplateLockProvider.Configuration.builder()
                        .withJdbcTemplate(new JdbcTemplate(dataSource))
                        .withTableName("shedlock")
                        .forceUtcTimeZone()
                        .build()));
    }

    /** Looks for due jobs; a job whose lock another instance (or an earlier tick) holds is skipped. */
    @Scheduled(fixedDelayString = "${aftersales.jobs.poll-interval:1s}")
    public void tick() {
        for (LoadedPlugin plugin : plugins.plugins()) {
            for (FeatureWiring.JobDefinition job : plugin.wiring().jobs()) {
                for (String shopId : shops.shopsWithPluginEnabled(plugin.id())) {
                    shops.find(shopId).ifPresent(shop -> runIfDue(shop, plugin, job));
                }
            }
        }
    }

    private void runIfDue(Shop shop, LoadedPlugin plugin, FeatureWiring.JobDefinition job) {
        Instant now = clock.instant();
        JobSlots.dueNow(job.schedule(), now, shopZones.apply(shop.id())).ifPresent(holdAtLeast ->
                locks.executeWithLock((Runnable) () -> whileRunning(shop, plugin, job, () -> run(shop, plugin, job)),
                        new LockConfiguration(now, lockName(plugin, job, shop.id()), holdAtLeast.plus(CRASH_GRACE),
                                holdAtLeast)));
    }

    /** Runs one job for one shop now, without waiting for its schedule (operators and tests). */
    public boolean runNow(String shopId, String pluginId, String jobName) {
        Optional<Shop> shop = shops.find(shopId);
        Optional<LoadedPlugin> plugin = plugins.plugin(pluginId);
        if (shop.isEmpty() || plugin.isEmpty() || !shop.get().isEnabled(pluginId)) {
            return false;
        }
        Optional<FeatureWiring.JobDefinition> job = plugin.get().wiring().jobs().stream()
                .filter(j -> j.name().equals(jobName)).findFirst();
        job.ifPresent(j -> run(shop.get(), plugin.get(), j));
        return job.isPresent();
    }

    /**
     * Runs {@code work} while holding the job's "running" lock for the shop, which every run of the job takes (the
     * schedule's and an operator's), on whichever instance; empty when the job is running right now.
     */
    public <T> Optional<T> whileRunning(Shop shop, LoadedPlugin plugin, FeatureWiring.JobDefinition job,
                                        Supplier<T> work) {
        try {
            LockingTaskExecutor.TaskResult<T> result = locks.executeWithLock(work::get, new LockConfiguration(
                    clock.instant(), "running:" + lockName(plugin, job, shop.id()), JobSlots.period(job.schedule()).plus(CRASH_GRACE),
                    Duration.ZERO));
            return result.wasExecuted() ? Optional.ofNullable(result.getResult()) : Optional.empty();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a job once for a shop; the failure, if it failed (it is logged and counted either way). */
    public Optional<Exception> run(Shop shop, LoadedPlugin plugin, FeatureWiring.JobDefinition job) {
        long started = System.nanoTime();
        String outcome = "success";
        try {
            job.job().run(contexts.forShop(shop, plugin));
            return Optional.empty();
        } catch (Exception e) {
            outcome = "failure";
            log.error("Job {} of plugin {} failed in shop {}", job.name(), plugin.id(), shop.id(), e);
            return Optional.of(e);
        } finally {
            meters.timer("aftersales.jobs", "plugin", plugin.id(), "job", job.name(), "outcome", outcome)
                    .record(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static String lockName(LoadedPlugin plugin, FeatureWiring.JobDefinition job, String shopId) {
        return "job:" + plugin.id() + ":" + job.name() + ":" + shopId;
    }
}
