package dev.aftersales.host.graphql;

import dev.aftersales.host.plugins.LoadedPlugin;
import graphql.GraphQL;
import java.time.Duration;
import java.util.List;

/**
 * One executable schema for one set of plugins, shared by every shop with that set. Counts the requests running on
 * it so a plugin can be unloaded only after they finished.
 */
final class ShopSchema {

    private final GraphQL graphQL;
    private final List<LoadedPlugin> plugins;
    private int inFlight;
    private boolean retired;

    ShopSchema(GraphQL graphQL, List<LoadedPlugin> plugins) {
        this.graphQL = graphQL;
        this.plugins = List.copyOf(plugins);
    }

    GraphQL graphQL() {
        return graphQL;
    }

    List<LoadedPlugin> plugins() {
        return plugins;
    }

    boolean contains(String pluginId) {
        return plugins.stream().anyMatch(plugin -> plugin.id().equals(pluginId));
    }

    /** Registers a request; false once the schema is retired (the caller builds a fresh one). */
    synchronized boolean acquire() {
        if (retired) {
            return false;
        }
        inFlight++;
        return true;
    }

    synchronized void release() {
        inFlight--;
        if (inFlight == 0) {
            notifyAll();
        }
    }

    /** Takes no new requests and waits, at most {@code timeout}, for the running ones; true when all finished. */
    synchronized boolean retireAndAwait(Duration timeout) throws InterruptedException {
        retired = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
