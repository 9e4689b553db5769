package dev.aftersales.host.webhooks;

import static dev.aftersales.host.jooq.Tables.INBOX_EVENTS;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.catalog.Variant;
import dev.aftersales.api.events.CustomerDeleted;
import dev.aftersales.api.events.Event;
import dev.aftersales.api.events.OrderPlaced;
import dev.aftersales.api.platform.Connector;
import dev.aftersales.api.platform.MalformedWebhookException;
import dev.aftersales.api.platform.PlatformException;
import dev.aftersales.api.platform.PlatformFact;
import dev.aftersales.api.platform.WebhookDelivery;
import dev.aftersales.host.catalog.CatalogService;
import dev.aftersales.host.catalog.MirrorUpdates;
import dev.aftersales.host.events.EventBus;
import dev.aftersales.host.jooq.tables.records.InboxEventsRecord;
import dev.aftersales.host.notify.Attribution;
import dev.aftersales.host.notify.NotifyErasure;
import dev.aftersales.host.rewards.RewardsPrivacy;
import dev.aftersales.host.plugins.FeatureContexts;
import dev.aftersales.host.plugins.LoadedPlugin;
import dev.aftersales.host.plugins.PluginRuntime;
import dev.aftersales.host.tenancy.Shop;
import dev.aftersales.host.tenancy.ShopDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Processes one stored webhook event: the shop's connector reads it into facts; the facts and the events derived
 * from them are written in one transaction; then the events go to the features' listeners. A listener that fails is
 * retried with exponential backoff (only that plugin), and after {@value #MAX_ATTEMPTS} attempts the event becomes a
 * dead letter with the reason. An event the connector cannot read is a dead letter at once.
 */
@Component
public class InboxProcessor {

    static final int MAX_ATTEMPTS = 8;
    private static final int DEADLOCK_ATTEMPTS = 3;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(InboxProcessor.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final Inbox inbox;
    private final ShopDirectory shops;
    private final FeatureContexts contexts;
    private final PluginRuntime plugins;
    private final MirrorUpdates mirror;
    private final CatalogService catalog;
    private final EventBus events;
    private final DerivedEvents derived;
    private final DSLContext db;
    private final JsonMapper json;
    private final Clock clock;
    private final Attribution attribution;
    private final NotifyErasure notifyErasure;
    private final RewardsPrivacy rewardsPrivacy;

    public InboxProcessor(Inbox inbox, ShopDirectory shops, FeatureContexts contexts, PluginRuntime plugins,
                          MirrorUpdates mirror, CatalogService catalog, EventBus events, DerivedEvents derived,
                          DSLContext db, JsonMapper json, Clock clock, Attribution attribution,
                          NotifyErasure notifyErasure, RewardsPrivacy rewardsPrivacy) {
        this.inbox = inbox;
        this.shops = shops;
        this.contexts = contexts;
        this.plugins = plugins;
        this.mirror = mirror;
        this.catalog = catalog;
        this.events = events;
        this.derived = derived;
        this.db = db;
        this.json = json;
        this.clock = clock;
        this.attribution = attribution;
        this.notifyErasure = notifyErasure;
        this.rewardsPrivacy = rewardsPrivacy;
    }

    public void process(InboxEventsRecord row) {
        Optional<Shop> shop = shops.find(row.getShopId());
        if (shop.isEmpty()) {
            inbox.dead(row.getId(), "The shop no longer exists", null, null);
            return;
        }
        List<Event> toDeliver;
        if (row.getDerivedEvents() != null) {
            toDeliver = derived.read(row.getDerivedEvents()); // facts applied on an earlier attempt
        } else {
            Optional<List<Event>> applied = applyFacts(shop.get(), row);
            if (applied.isEmpty()) {
                return; // dead letter or retry recorded
            }
            toDeliver = applied.get();
        }
        deliver(shop.get(), row, toDeliver);
    }

    /** Reads and applies the facts and stores the derived events with them; empty when the row was parked. */
    private Optional<List<Event>> applyFacts(Shop shop, InboxEventsRecord row) {
        Optional<LoadedPlugin> connectorPlugin = contexts.connectorOf(shop);
        if (connectorPlugin.isEmpty()) {
            return park(row, "No connector is enabled for shop '" + shop.id() + "' to read " + row.getType(), null, false);
        }
        Connector connector = connectorPlugin.get().connector().orElseThrow();
        FeatureContext connectorContext = contexts.forShop(shop, connectorPlugin.get());
        List<PlatformFact> facts;
        try {
            facts = connector.read(delivery(row));
        } catch (MalformedWebhookException e) {
            return park(row, "Cannot read " + row.getType() + ": " + e.getMessage(), null, false);
        } catch (RuntimeException e) {
            log.error("Connector {} failed on event {} of shop {}", connectorPlugin.get().id(), row.getEventId(),
                    shop.id(), e);
            return park(row, "Connector failed: " + e, null, true);
        }
        List<PlatformFact> repaired;
        try {
            repaired = withMissingVariants(shop, facts, connector, connectorContext);
        } catch (PlatformException e) {
            return park(row, "Fetching an unknown variant from the platform failed: " + e.getMessage(), null,
                    e.retryable());
        }
        List<Event> result = applyInOneTransaction(shop, row, repaired);
        row.setDerivedEvents(derived.write(result));
        return Optional.of(result);
    }

    /**
     * Applies the facts and stores the derived events in one transaction. Two workers applying facts of the same
     * order or variant can deadlock in the database; the loser simply tries again.
     */
    private List<Event> applyInOneTransaction(Shop shop, InboxEventsRecord row, List<PlatformFact> facts) {
        for (int attempt = 1; ; attempt++) {
            try {
                return db.transactionResult(tx -> {
                    List<Event> produced = new ArrayList<>();
                    for (PlatformFact fact : facts) {
                        produced.addAll(mirror.apply(tx.dsl(), shop.id(), fact).events());
                    }
                    tx.dsl().update(INBOX_EVENTS)
                            .set(INBOX_EVENTS.DERIVED_EVENTS, derived.write(produced))
                            .where(INBOX_EVENTS.ID.eq(row.getId()))
                            .execute();
                    return produced;
                });
            } catch (PessimisticLockingFailureException e) {
                if (attempt == DEADLOCK_ATTEMPTS) {
                    throw e;
                }
                log.info("Inbox event {} of shop {} lost a lock race; applying it again", row.getEventId(), shop.id());
            }
        }
    }

    /**
     * Stock and price facts for a variant the mirror does not know yet: the variant is fetched from the platform
     * first, so the fact is not lost. A variant the platform does not know either makes the event a dead letter.
     */
    private List<PlatformFact> withMissingVariants(Shop shop, List<PlatformFact> facts, Connector connector,
                                                   FeatureContext connectorContext) throws PlatformException {
        Map<String, Instant> referenced = new LinkedHashMap<>();
        for (PlatformFact fact : facts) {
            if (fact instanceof PlatformFact.StockFact stock) {
                referenced.merge(stock.variantId(), stock.asOf(), InboxProcessor::earlier);
            } else if (fact instanceof PlatformFact.PriceFact price) {
                referenced.merge(price.variantId(), price.asOf(), InboxProcessor::earlier);
            }
        }
        referenced.keySet().removeIf(id -> facts.stream().anyMatch(f -> f instanceof PlatformFact.VariantFact v
                && v.variant().id().equals(id)));
        referenced.keySet().removeAll(catalog.variants(shop.id(), referenced.keySet()).keySet());
        List<PlatformFact> result = new ArrayList<>();
        for (Map.Entry<String, Instant> variant : referenced.entrySet()) {
            Variant fetched = connector.fetchVariant(connectorContext, variant.getKey()).orElseThrow(() ->
                    new PlatformException("The event names variant '" + variant.getKey()
                            + "', which neither the mirror nor the platform knows", false));
            // a millisecond before the event's own fact, so that fact still applies on top
            result.add(new PlatformFact.VariantFact(fetched, variant.getValue().minusMillis(1)));
        }
        result.addAll(facts);
        return result;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Records an unexpected failure of processing, so the event is retried and finally parked, never stuck. */
    public void failed(InboxEventsRecord row, RuntimeException failure) {
        park(row, "Processing failed: " + failure, row.getDerivedEvents(), true);
    }

    private void deliver(Shop shop, InboxEventsRecord row, List<Event> toDeliver) {
        Set<String> pending = row.getPendingPlugins() == null ? null
                : Arrays.stream(row.getPendingPlugins().split(",")).filter(s -> !s.isBlank())
                .collect(Collectors.toSet());
        Set<String> failedPlugins = new LinkedHashSet<>();
        List<String> reasons = new ArrayList<>();
        if (pending == null) {
            hostReactions(shop, toDeliver); // before any listener: if it throws, the whole delivery is retried
        }
        for (Event event : toDeliver) {
            if (event instanceof CustomerDeleted deleted) {
                eraseEverywhere(shop, deleted.customerId(), pending, failedPlugins, reasons);
            }
            for (EventBus.ListenerFailure failure : events.deliver(shop, event,
                    pluginId -> pending == null || pending.contains(pluginId))) {
                failedPlugins.add(failure.pluginId());
                reasons.add(failure.pluginId() + ": " + failure.reason());
            }
        }
        if (failedPlugins.isEmpty()) {
            inbox.done(row.getId());
            return;
        }
        String pendingNow = String.join(",", failedPlugins);
        if (row.getAttempts() >= MAX_ATTEMPTS) {
            inbox.dead(row.getId(), "Listeners still failing after " + row.getAttempts() + " attempts: "
                    + String.join("; ", reasons), row.getDerivedEvents(), pendingNow);
        } else {
            inbox.retry(row.getId(), nextAttempt(row.getAttempts()), String.join("; ", reasons), row.getDerivedEvents(),
                    pendingNow);
        }
    }

    /** The host's own part: orders are attributed to the messages that led to them; deleted customers leave
     * only hashes in the notification records and anonymised sums in the rewards ledger. Both are idempotent. */
    private void hostReactions(Shop shop, List<Event> events) {
        for (Event event : events) {
            if (event instanceof OrderPlaced placed) {
                attribution.orderPlaced(shop.id(), placed.orderId());
            } else if (event instanceof CustomerDeleted deleted) {
                notifyErasure.eraseCustomer(shop.id(), deleted.customerId());
                rewardsPrivacy.erase(shop.id(), deleted.customerId());
            }
        }
    }

    /** GDPR: a customer deleted in the shop is erased by every loaded plugin, enabled or not (data may remain). */
    private void eraseEverywhere(Shop shop, String customerId, Set<String> pending, Set<String> failedPlugins,
                                 List<String> reasons) {
        for (LoadedPlugin plugin : plugins.plugins()) {
            if (pending != null && !pending.contains(plugin.id())) {
                continue;
            }
            try {
                plugin.feature().erase(contexts.forShop(shop, plugin), customerId);
            } catch (RuntimeException e) {
                log.error("Plugin {} failed to erase a customer of shop {}", plugin.id(), shop.id(), e);
                failedPlugins.add(plugin.id());
                reasons.add(plugin.id() + ": erase: " + e);
            }
        }
    }

    private Optional<List<Event>> park(InboxEventsRecord row, String reason, String derivedEvents, boolean retryable) {
        if (retryable && row.getAttempts() < MAX_ATTEMPTS) {
            inbox.retry(row.getId(), nextAttempt(row.getAttempts()), reason, derivedEvents, null);
        } else {
            inbox.dead(row.getId(), reason, derivedEvents, null);
        }
        return Optional.empty();
    }

    private WebhookDelivery delivery(InboxEventsRecord row) {
        JsonNode root = json.readTree(row.getBody());
        Map<String, Object> data = json.convertValue(root.path("data"), MAP);
        return new WebhookDelivery(row.getEventId(), row.getType(),
                row.getOccurredAt().toInstant(ZoneOffset.UTC), data);
    }

    /** Exponential backoff with ±20 % jitter, so retries of many events do not arrive in lockstep. */
    private Instant nextAttempt(int attempts) {
        long base = FIRST_BACKOFF.toMillis() << Math.min(20, Math.max(0, attempts - 1));
        long capped = Math.min(base, MAX_BACKOFF.toMillis());
        long jittered = (long) (capped * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
        return clock.instant().plusMillis(jittered);
    }
}
