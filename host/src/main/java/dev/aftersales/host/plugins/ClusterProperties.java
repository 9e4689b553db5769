package dev.aftersales.host.plugins;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this host instance takes part in a deployment of several instances on one database (documented in
 * docs/configuration.md).
 *
 * @param instanceId         name of this instance in the plugin states and job runs operators see; empty: the
 *                           process's {@code pid@hostname}. Keep it stable across restarts (e.g. the pod name)
 * @param pluginPollInterval how often the instance checks the database for plugins installed, upgraded or
 *                           uninstalled on another instance (one primary-key read), and writes its heartbeat
 * @param instanceStaleAfter an instance whose heartbeat is older is shown as {@code STALE} (and not waited for)
 */
@ConfigurationProperties("aftersales.cluster")
public record ClusterProperties(
        @DefaultValue("") String instanceId,
        @DefaultValue("2s") Duration pluginPollInterval,
        @DefaultValue("30s") Duration instanceStaleAfter) {

    /** The configured instance id, or {@code pid@hostname}. */
    public String effectiveInstanceId() {
        return instanceId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : instanceId;
    }
}
