package dev.aftersales.host.webhooks;

import static dev.aftersales.host.jooq.Tables.SHOPS;

import dev.aftersales.api.graphql.Connection;
import dev.aftersales.api.graphql.PageRequest;
import dev.aftersales.api.graphql.UserError;
import dev.aftersales.host.admin.AdminWiring;
import dev.aftersales.host.admin.Operator;
import dev.aftersales.host.jooq.tables.records.InboxEventsRecord;
import dev.aftersales.host.tenancy.Shop;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Operator API for webhooks: the shop's secret rotation, inbox counts, dead letters and replay. */
@Component
class InboxAdminFetchers implements AdminWiring {

    private final Inbox inbox;
    private final WebhookSecrets secrets;
    private final InboxWorker worker;
    private final DSLContext db;

    InboxAdminFetchers(Inbox inbox, WebhookSecrets secrets, InboxWorker worker, DSLContext db) {
        this.inbox = inbox;
        this.secrets = secrets;
        this.worker = worker;
        this.db = db;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Shop", type -> type
                .dataFetcher("inbox", env -> env.<Shop>getSource().id())
                .dataFetcher("hasWebhookSecret", env -> db.fetchExists(SHOPS,
                        SHOPS.ID.eq(env.<Shop>getSource().id()).and(SHOPS.WEBHOOK_SECRET.isNotNull())))
                .dataFetcher("previousWebhookSecretValidUntil", env -> db.select(SHOPS.WEBHOOK_SECRET_PREVIOUS_UNTIL)
                        .from(SHOPS).where(SHOPS.ID.eq(env.<Shop>getSource().id()))
                        .fetchOne(SHOPS.WEBHOOK_SECRET_PREVIOUS_UNTIL)));
        wiring.type("Inbox", type -> type
                .dataFetcher("counts", env -> inbox.counts(env.getSource()).entrySet().stream()
                        .map(entry -> Map.of("state", entry.getKey(), "count", entry.getValue())).toList())
                .dataFetcher("deadLetters", this::deadLetters));
        wiring.type("InboxEvent", type -> type
                .dataFetcher("id", env -> env.<InboxEventsRecord>getSource().getId())
                .dataFetcher("eventId", env -> env.<InboxEventsRecord>getSource().getEventId())
                .dataFetcher("lastError", env -> env.<InboxEventsRecord>getSource().getLastError()));
        wiring.type("Mutation", type -> type
                .dataFetcher("shopWebhookSecretRotate", this::rotate)
                .dataFetcher("inboxEventReplay", this::replay));
    }

    private Connection<InboxEventsRecord> deadLetters(DataFetchingEnvironment env) {
        PageRequest page = PageRequest.of(env.getArgument("first"), env.getArgument("after"));
        Long before = page.after().map(Long::parseLong).orElse(null);
        return Connection.of(inbox.deadLetters(env.getSource(), before, page.first() + 1), page,
                row -> String.valueOf(row.getId()));
    }

    private Map<String, Object> rotate(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        String shopId = (String) input.get("shopId");
        int grace = (Integer) input.getOrDefault("graceMinutes", 60);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("secret", null);
        payload.put("previousSecretValidUntil", null);
        if (!Operator.of(env).mayManage(shopId) || !db.fetchExists(SHOPS, SHOPS.ID.eq(shopId))) {
            payload.put("userErrors", List.of(UserError.of("NOT_FOUND", "There is no such shop", "input", "shopId")));
            return payload;
        }
        if (grace < 0 || grace > 10_080) {
            payload.put("userErrors", List.of(UserError.of("INVALID", "graceMinutes must be between 0 and 10080",
                    "input", "graceMinutes")));
            return payload;
        }
        WebhookSecrets.Rotation rotation = secrets.rotate(shopId, Duration.ofMinutes(grace));
        payload.put("secret", rotation.secret());
        payload.put("previousSecretValidUntil", rotation.previousValidUntil());
        payload.put("userErrors", List.of());
        return payload;
    }

    private Map<String, Object> replay(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        String shopId = (String) input.get("shopId");
        long id;
        try {
            id = Long.parseLong((String) input.get("inboxEventId"));
        } catch (NumberFormatException e) {
            id = -1;
        }
        boolean replayed = Operator.of(env).mayManage(shopId) && inbox.replay(shopId, id);
        if (replayed) {
            worker.wakeUp();
        }
        return Map.of("replayed", replayed, "userErrors", replayed ? List.of()
                : List.of(UserError.of("NOT_FOUND", "The shop has no dead letter with this id", "input", "inboxEventId")));
    }
}
