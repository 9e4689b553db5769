package dev.aftersales.host.plugins;

import dev.aftersales.api.LinkHandler;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.events.Event;
import dev.aftersales.api.events.EventListener;
import dev.aftersales.api.graphql.BatchLoader;
import dev.aftersales.api.graphql.FieldResolver;
import dev.aftersales.api.jobs.Job;
import dev.aftersales.api.jobs.Schedule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What one feature registered in {@link dev.aftersales.api.Feature#register}: resolvers, loaders, listeners, jobs. */
public final class FeatureWiring implements Wiring {

    private static final Pattern LINK_NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private final String featureId;
    private final Map<FieldCoordinate, FieldResolver> resolvers = new LinkedHashMap<>();
    private final Map<FieldCoordinate, FieldResolver> adminResolvers = new LinkedHashMap<>();
    private final Map<String, BatchLoader<?, ?>> batchLoaders = new LinkedHashMap<>();
    private final List<Listener<?>> listeners = new ArrayList<>();
    private final List<JobDefinition> jobs = new ArrayList<>();
    private final Map<String, LinkHandler> links = new LinkedHashMap<>();

    public FeatureWiring(String featureId) {
        this.featureId = featureId;
    }

    @Override
    public void field(String type, String field, FieldResolver resolver) {
        FieldCoordinate coordinate = new FieldCoordinate(type, field);
        if (resolvers.putIfAbsent(coordinate, resolver) != null) {
            throw new IllegalArgumentException(featureId + " registered a resolver for " + coordinate + " twice");
        }
    }

    @Override
    public void adminField(String type, String field, FieldResolver resolver) {
        FieldCoordinate coordinate = new FieldCoordinate(type, field);
        if (adminResolvers.putIfAbsent(coordinate, resolver) != null) {
            throw new IllegalArgumentException(featureId + " registered an operator resolver for " + coordinate
                    + " twice");
        }
    }

    @Override
    public <K, V> void batchLoader(String name, BatchLoader<K, V> loader) {
        if (!name.startsWith(featureId + ".")) {
            throw new IllegalArgumentException(featureId + " batch loader '" + name + "' must be named '"
                    + featureId + ".<name>' so it cannot clash with another feature's");
        }
        if (batchLoaders.putIfAbsent(name, loader) != null) {
            throw new IllegalArgumentException(featureId + " registered batch loader '" + name + "' twice");
        }
    }

    @Override
    public <E extends Event> void listen(Class<E> type, EventListener<E> listener) {
        listeners.add(new Listener<>(type, listener));
    }

    @Override
    public void job(String name, Duration interval, Job job) {
        job(name, Schedule.every(interval), job);
    }

    @Override
    public void job(String name, Schedule schedule, Job job) {
        if (jobs.stream().anyMatch(j -> j.name().equals(name))) {
            throw new IllegalArgumentException(featureId + " registered job '" + name + "' twice");
        }
        jobs.add(new JobDefinition(name, schedule, job));
    }

    @Override
    public void link(String name, LinkHandler handler) {
        if (name == null || !LINK_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(featureId + " link name must match " + LINK_NAME.pattern() + ": " + name);
        }
        if (links.putIfAbsent(name, handler) != null) {
            throw new IllegalArgumentException(featureId + " registered link '" + name + "' twice");
        }
    }

    /** The feature's signed links by name (served by {@code host.links.FeatureLinkEndpoint}). */
    public Map<String, LinkHandler> links() {
        return Map.copyOf(links);
    }

    public Map<FieldCoordinate, FieldResolver> resolvers() {
        return Map.copyOf(resolvers);
    }

    public Map<FieldCoordinate, FieldResolver> adminResolvers() {
        return Map.copyOf(adminResolvers);
    }

    public Map<String, BatchLoader<?, ?>> batchLoaders() {
        return Map.copyOf(batchLoaders);
    }

    public List<Listener<?>> listeners() {
        return List.copyOf(listeners);
    }

    public List<JobDefinition> jobs() {
        return List.copyOf(jobs);
    }

    /** A type and one of its fields, e.g. {@code Customer.wishlists}. */
    public record FieldCoordinate(String type, String field) {
        @Override
        public String toString() {
            return type + "." + field;
        }
    }

    public record Listener<E extends Event>(Class<E> type, EventListener<E> listener) {
    }

    public record JobDefinition(String name, Schedule schedule, Job job) {
    }
}
