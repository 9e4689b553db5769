package dev.aftersales.host.privacy;

import static dev.aftersales.host.jooq.Tables.CUSTOMERS;

import dev.aftersales.host.jooq.tables.records.CustomerErasuresRecord;
import dev.aftersales.host.plugins.FeatureContexts;
import dev.aftersales.host.plugins.LoadedPlugin;
import dev.aftersales.host.plugins.PluginRuntime;
import dev.aftersales.host.tenancy.Shop;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * GDPR export and erasure of one customer of one shop, across every host part that keeps personal data (each a
 * {@link CustomerData} bean) and every loaded plugin ({@code Feature.export}/{@code erase}), enabled for the shop or
 * not: a disabled feature's data stays and is still the customer's.
 */
@Component
public class CustomerPrivacy {

    public static final String ERASED = "ERASED";
    public static final String INCOMPLETE = "INCOMPLETE";
    private static final Logger log = LoggerFactory.getLogger(CustomerPrivacy.class);

    private final DSLContext db;
    private final List<CustomerData> hostParts;
    private final PluginRuntime plugins;
    private final FeatureContexts contexts;
    private final ErasureLog erasures;

    CustomerPrivacy(DSLContext db, List<CustomerData> hostParts, PluginRuntime plugins, FeatureContexts contexts,
                    ErasureLog erasures) {
        this.db = db;
        this.hostParts = hostParts.stream().sorted(Comparator.comparing(CustomerData::section)).toList();
        this.plugins = plugins;
        this.contexts = contexts;
        this.erasures = erasures;
    }

    /** What an export holds: the host's parts by section, each plugin's export by plugin id, and what failed. */
    public record Export(String customerId, Map<String, Object> host, Map<String, Object> plugins,
                         List<String> failures) {
    }

    /** Everything the host and every loaded plugin keep about the customer. */
    public Export export(Shop shop, String customerId) {
        DataSubject subject = subject(shop.id(), customerId);
        Map<String, Object> host = new LinkedHashMap<>();
        hostParts.forEach(part -> host.put(part.section(), part.export(subject)));
        Map<String, Object> byPlugin = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (LoadedPlugin plugin : sortedPlugins()) {
            try {
                byPlugin.put(plugin.id(), plugin.feature().export(contexts.forShop(shop, plugin), customerId));
            } catch (RuntimeException e) {
                log.error("Plugin {} failed to export a customer of shop {}", plugin.id(), shop.id(), e);
                failures.add(plugin.id() + ": export failed: " + e.getMessage());
            }
        }
        return new Export(customerId, host, byPlugin, failures);
    }

    /**
     * Erases the host's part in one transaction: every host table forgets or pseudonymises the customer.
     * Idempotent; returns the rows changed per section.
     */
    public Map<String, Integer> eraseHost(String shopId, String customerId) {
        DataSubject subject = subject(shopId, customerId);
        return db.transactionResult(tx -> {
            Map<String, Integer> changed = new LinkedHashMap<>();
            hostParts.forEach(part -> changed.put(part.section(), part.erase(subject)));
            return changed;
        });
    }

    /**
     * Erases the customer in the host and in every loaded plugin, and records it. A plugin that fails does not stop
     * the others; the record is then {@value #INCOMPLETE} and names it (erasing again finishes the work).
     */
    public CustomerErasuresRecord erase(Shop shop, String customerId, String requestedBy) {
        Map<String, Integer> hostChanges = eraseHost(shop.id(), customerId);
        List<String> failures = erasePlugins(shop, customerId);
        return record(shop.id(), customerId, requestedBy, "host rows changed " + hostChanges, failures);
    }

    /** Runs every loaded plugin's erase; returns what failed, as {@code plugin: reason}. */
    public List<String> erasePlugins(Shop shop, String customerId) {
        List<String> failures = new ArrayList<>();
        for (LoadedPlugin plugin : sortedPlugins()) {
            try {
                plugin.feature().erase(contexts.forShop(shop, plugin), customerId);
            } catch (RuntimeException e) {
                log.error("Plugin {} failed to erase a customer of shop {}", plugin.id(), shop.id(), e);
                failures.add(plugin.id() + ": erase failed: " + e.getMessage());
            }
        }
        return failures;
    }

    /** Records an erasure carried out (or attempted) for the customer; {@code host} says what the host did. */
    public CustomerErasuresRecord record(String shopId, String customerId, String requestedBy, String host,
                                         List<String> failures) {
        String details = host + "; plugins "
                + sortedPlugins().stream().map(LoadedPlugin::id).toList()
                + (failures.isEmpty() ? "" : "; failed: " + String.join("; ", failures));
        return erasures.record(shopId, customerId, requestedBy, failures.isEmpty() ? ERASED : INCOMPLETE, details);
    }

    /** The shop's erasures, newest first. */
    public List<CustomerErasuresRecord> erasures(String shopId, String customerId, int limit) {
        return erasures.list(shopId, customerId, limit);
    }

    private DataSubject subject(String shopId, String customerId) {
        Optional<String> email = db.select(CUSTOMERS.EMAIL).from(CUSTOMERS)
                .where(CUSTOMERS.SHOP_ID.eq(shopId).and(CUSTOMERS.CUSTOMER_ID.eq(customerId)))
                .fetchOptional(CUSTOMERS.EMAIL);
        return new DataSubject(shopId, customerId, email);
    }

    private List<LoadedPlugin> sortedPlugins() {
        return plugins.plugins().stream().sorted(Comparator.comparing(LoadedPlugin::id)).toList();
    }
}
