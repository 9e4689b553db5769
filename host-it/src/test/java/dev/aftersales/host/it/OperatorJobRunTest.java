package dev.aftersales.host.it;

import static dev.aftersales.host.jooq.Tables.SHEDLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlClient;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Operators run a plugin's job for a shop now through the operator API; each run is recorded. */
class OperatorJobRunTest {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(FixturePlugins.greeting());

    private static final String RUN = """
            mutation($shop: ID!, $plugin: ID!, $job: String!) {
              jobRun(input: {shopId: $shop, pluginId: $plugin, job: $job}) {
                run { id pluginId job requestedBy instanceId startedAt finishedAt outcome error }
                userErrors { field code message }
              }
            }""";

    @Test
    void anOperatorSeesAPluginsJobsAndRunsOneForAShopNowAndTheRunIsRecorded(TestShop shop) {
        shop.enable("greeting");
        GraphQlResult plugins = host.platformAdmin().execute("{ plugins { id jobs { name interval } } }")
                .assertNoErrors();
        assertThat(plugins.path("plugins[0].jobs").toString()).isEqualTo("[{\"name\":\"tick\",\"interval\":\"PT1M\"}]");

        GraphQlResult byPlatform = run(host.platformAdmin(), shop.id(), "greeting", "tick");
        GraphQlResult byShop = run(shop.admin(), shop.id(), "greeting", "tick");

        assertThat(byPlatform.path("jobRun.userErrors")).isEmpty();
        assertThat(byPlatform.path("jobRun.run.outcome").asString()).isEqualTo("SUCCEEDED");
        assertThat(byPlatform.path("jobRun.run.requestedBy").asString()).isEqualTo("platform");
        assertThat(byPlatform.path("jobRun.run.finishedAt").isNull()).isFalse();
        assertThat(byShop.path("jobRun.run.requestedBy").asString()).isEqualTo("shop:" + shop.id());
        assertThat(ticks(shop)).isEqualTo(2);
        GraphQlResult recorded = shop.admin().execute("query($id: ID!) { shop(id: $id) { jobRuns { job requestedBy outcome } } }",
                Map.of("id", shop.id())).assertNoErrors();
        assertThat(recorded.path("shop.jobRuns").valueStream().map(r -> r.path("requestedBy").asString()).toList())
                .containsExactly("shop:" + shop.id(), "platform");
    }

    @Test
    void aJobThatIsRunningForTheShopOnAnyInstanceIsNotRunAgain(TestShop shop) {
        shop.enable("greeting");
        LocalDateTime now = LocalDateTime.ofInstant(host.clock().instant(), ZoneOffset.UTC);
        // another instance is running the job for this shop: it holds the job's running lock
        shop.sql().insertInto(SHEDLOCK).set(SHEDLOCK.NAME, "running:job:greeting:tick:" + shop.id())
                .set(SHEDLOCK.LOCK_UNTIL, now.plus(Duration.ofMinutes(5))).set(SHEDLOCK.LOCKED_AT, now)
                .set(SHEDLOCK.LOCKED_BY, "another-instance").execute();

        GraphQlResult refused = run(host.platformAdmin(), shop.id(), "greeting", "tick");

        assertThat(refused.path("jobRun.userErrors[0].code").asString()).isEqualTo("ALREADY_RUNNING");
        assertThat(refused.path("jobRun.run").isNull()).isTrue();
        assertThat(ticks(shop)).isZero();

        // the other instance finished: ShedLock releases a lock by moving lock_until to the present
        shop.sql().update(SHEDLOCK).set(SHEDLOCK.LOCK_UNTIL, now)
                .where(SHEDLOCK.NAME.eq("running:job:greeting:tick:" + shop.id())).execute();
        assertThat(run(host.platformAdmin(), shop.id(), "greeting", "tick").path("jobRun.run.outcome").asString())
                .isEqualTo("SUCCEEDED");
        assertThat(ticks(shop)).isEqualTo(1);
    }

    @Test
    void operatorsRunningTheSameJobAtOnceGetARunOrAlreadyRunningAndNoError(TestShop shop) {
        shop.enable("greeting");

        List<GraphQlResult> results;
        try (ExecutorService operators = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<GraphQlResult>> calls = IntStream.range(0, 8).mapToObj(i -> operators.submit(() ->
                    host.platformAdmin().execute(RUN, Map.of("shop", shop.id(), "plugin", "greeting", "job", "tick"))))
                    .toList();
            results = calls.stream().map(OperatorJobRunTest::join).toList();
        }

        assertThat(results).allSatisfy(GraphQlResult::assertNoErrors);
        long succeeded = results.stream()
                .filter(r -> "SUCCEEDED".equals(r.path("jobRun").path("run").path("outcome").asString(null))).count();
        long refused = results.stream()
                .filter(r -> "ALREADY_RUNNING".equals(r.path("jobRun").path("userErrors").path(0).path("code")
                        .asString(null))).count();
        assertThat(succeeded + refused).isEqualTo(8);
        assertThat(succeeded).isPositive();
        assertThat(ticks(shop)).isEqualTo((int) succeeded);
    }

    @Test
    void unknownPluginsAndJobsDisabledFeaturesAndOtherShopsAreRefusedAndNothingRuns(TestShop shop, TestShop other) {
        assertThat(code(run(host.platformAdmin(), shop.id(), "greeting", "tick"))).isEqualTo("FEATURE_NOT_ENABLED");
        shop.enable("greeting");
        assertThat(code(run(host.platformAdmin(), shop.id(), "nope", "tick"))).isEqualTo("UNKNOWN_PLUGIN");
        GraphQlResult unknownJob = run(host.platformAdmin(), shop.id(), "greeting", "tock");
        assertThat(code(unknownJob)).isEqualTo("UNKNOWN_JOB");
        assertThat(unknownJob.path("jobRun.userErrors[0].message").asString()).contains("tick");
        assertThat(code(run(other.admin(), shop.id(), "greeting", "tick"))).isEqualTo("NOT_FOUND");

        assertThat(ticks(shop)).isZero();
        assertThat(host.platformAdmin().execute("query($id: ID!) { shop(id: $id) { jobRuns { id } } }",
                Map.of("id", shop.id())).assertNoErrors().path("shop.jobRuns")).isEmpty();
    }

    private static GraphQlResult run(GraphQlClient admin, String shopId, String pluginId, String job) {
        return admin.execute(RUN, Map.of("shop", shopId, "plugin", pluginId, "job", job)).assertNoErrors();
    }

    private static GraphQlResult join(Future<GraphQlResult> call) {
        try {
            return call.get();
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    private static String code(GraphQlResult result) {
        return result.path("jobRun.userErrors[0].code").asString();
    }

    private static int ticks(TestShop shop) {
        return shop.sql().fetchCount(table("greeting_ticks"), field("shop_id").eq(shop.id()).and(field("kind").eq("job")));
    }
}
