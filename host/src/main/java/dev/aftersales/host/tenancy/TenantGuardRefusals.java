package dev.aftersales.host.tenancy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The distinct reasons the tenant guard refused statements of each plugin since this instance started (at most
 * {@value #KEPT_PER_PLUGIN} per plugin), so the testkit's free checks can name them even when a plugin catches the
 * exception.
 */
@Component
public class TenantGuardRefusals {

    private static final int KEPT_PER_PLUGIN = 20;

    private final Map<String, Set<String>> reasons = new ConcurrentHashMap<>();

    /** Records one refusal. */
    public void record(String pluginId, String reason) {
        Set<String> kept = reasons.computeIfAbsent(pluginId, id -> new LinkedHashSet<>());
        synchronized (kept) {
            if (kept.size() < KEPT_PER_PLUGIN) {
                kept.add(reason);
            }
        }
    }

    /** The distinct reasons recorded for a plugin, oldest first, forgetting them. */
    public List<String> take(String pluginId) {
        Set<String> kept = reasons.remove(pluginId);
        if (kept == null) {
            return List.of();
        }
        synchronized (kept) {
            return new ArrayList<>(kept);
        }
    }

    /** The distinct reasons recorded for a plugin, oldest first. */
    public List<String> of(String pluginId) {
        Set<String> kept = reasons.getOrDefault(pluginId, Set.of());
        synchronized (kept) {
            return new ArrayList<>(kept);
        }
    }
}
