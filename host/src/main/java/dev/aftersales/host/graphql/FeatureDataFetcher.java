package dev.aftersales.host.graphql;

import dev.aftersales.api.graphql.FieldResolver;
import dev.aftersales.host.plugins.FeatureContexts;
import dev.aftersales.host.plugins.LoadedPlugin;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.CompletionStage;

/**
 * Calls a plugin's {@link FieldResolver} with the feature context of the request's shop, and times it per plugin and
 * field ({@code aftersales.graphql.field}, tagged {@code plugin}, {@code field}, {@code outcome}).
 */
record FeatureDataFetcher(LoadedPlugin plugin, String field, FieldResolver resolver, FeatureContexts contexts,
                          MeterRegistry meters) implements DataFetcher<Object> {

    @Override
    public Object get(DataFetchingEnvironment environment) throws Exception {
        RequestContext request = environment.getGraphQlContext().get(RequestContext.class);
        Timer.Sample sample = Timer.start(meters);
        Object result;
        try {
            result = resolver.resolve(new HostFieldCall(environment, request.featureContext(plugin, contexts),
                    request.viewer()));
        } catch (Exception | Error e) {
            stop(sample, "error");
            throw e;
        }
        if (result instanceof CompletionStage<?> pending) {
            return pending.whenComplete((value, failure) -> stop(sample, failure == null ? "success" : "error"));
        }
        stop(sample, "success");
        return result;
    }

    private void stop(Timer.Sample sample, String outcome) {
        sample.stop(meters.timer("aftersales.graphql.field", "plugin", plugin.id(), "field", field,
                "outcome", outcome));
    }
}
