package dev.aftersales.host.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import dev.aftersales.host.jooq.Tables;
import dev.aftersales.host.webhooks.Inbox;
import dev.aftersales.host.webhooks.InboxWorker;
import dev.aftersales.host.webhooks.WebhookSignature;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import dev.aftersales.testkit.TestWebhooks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

class WebhookInboxTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(FixturePlugins.greeting(), FixturePlugins.connector());

    private TestShop shop;

    @BeforeEach
    void connectedShop() {
        shop = host.newShop().enable("fixture-connector").enable("greeting");
        shop.catalog().variant("v-1", "Jacket", "M", "49.90", 3);
    }

    @Test
    void aSignedEventIsStoredAndAppliedToTheMirror() {
        TestWebhooks.Response response = shop.webhooks().send("stock.changed", stock("v-1", 7, "2026-11-23T10:00:00Z"));

        assertThat(response.status()).isEqualTo(202);
        shop.awaitInboxProcessed();
        assertThat(stockOf("v-1")).isEqualTo(7);
        assertThat(shop.sql().fetchCount(Tables.CATALOG_STOCK_HISTORY, Tables.CATALOG_STOCK_HISTORY.SHOP_ID.eq(shop.id())))
                .isEqualTo(1);
    }

    @Test
    void refusedDeliveriesStoreNothing() {
        TestWebhooks webhooks = shop.webhooks();
        String id = "evt_" + UUID.randomUUID();
        Map<String, Object> data = stock("v-1", 9, "2026-11-23T10:00:00Z");

        assertThat(webhooks.sendSignedWith("whsec_" + "d3Jvbmc=", id, "stock.changed", host.clock().instant(), data,
                host.clock().instant()).status()).isEqualTo(401);
        assertThat(webhooks.sendSignedWith(webhooks.secret(), id, "stock.changed", host.clock().instant(), data,
                host.clock().instant().minusSeconds(301)).status()).isEqualTo(401);
        assertThat(webhooks.sendSignedWith(webhooks.secret(), id, "stock.changed", host.clock().instant(), data,
                host.clock().instant().plusSeconds(61)).status()).isEqualTo(401);
        assertThat(webhooks.post("{}".getBytes(StandardCharsets.UTF_8), Map.of()).status()).isEqualTo(401);
        byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);
        String now = String.valueOf(host.clock().instant().getEpochSecond());
        assertThat(webhooks.post(notJson, Map.of("webhook-id", id, "webhook-timestamp", now, "webhook-signature",
                dev.aftersales.host.webhooks.WebhookSignature.header(webhooks.secret(), id, now, notJson)))
                .status()).isEqualTo(400);

        assertThat(host.bean(Inbox.class).counts(shop.id()).values()).allMatch(count -> count == 0);
        assertThat(stockOf("v-1")).isEqualTo(3);
    }

    /** docs/connector-contract.md is what platforms implement: its error table is exactly what the host answers. */
    @Test
    void everyRefusalAnswersAStatusAndCodeTheContractDocuments() throws Exception {
        TestWebhooks webhooks = shop.webhooks();
        Map<String, Object> data = stock("v-1", 9, "2026-11-23T10:00:00Z");
        Instant now = host.clock().instant();
        String id = "evt_" + UUID.randomUUID();
        byte[] notJson = "not json".getBytes(StandardCharsets.UTF_8);
        String seconds = String.valueOf(now.getEpochSecond());
        List<TestWebhooks.Response> refusals = List.of(
                webhooks.post("{}".getBytes(StandardCharsets.UTF_8), Map.of()),
                webhooks.post("{}".getBytes(StandardCharsets.UTF_8), Map.of("webhook-id", id,
                        "webhook-timestamp", "yesterday", "webhook-signature", "v1,AAAA")),
                webhooks.sendSignedWith(webhooks.secret(), id, "stock.changed", now, data, now.minusSeconds(301)),
                webhooks.sendSignedWith("whsec_" + "d3Jvbmc=", id, "stock.changed", now, data, now),
                new TestWebhooks(host.baseUrl().resolve("/webhooks/" + host.newShop().id()), webhooks.secret(),
                        host.clock()).send("stock.changed", data),
                new TestWebhooks(host.baseUrl().resolve("/webhooks/no-such-shop"), webhooks.secret(), host.clock())
                        .send("stock.changed", data),
                webhooks.post(notJson, Map.of("webhook-id", id, "webhook-timestamp", seconds, "webhook-signature",
                        WebhookSignature.header(webhooks.secret(), id, seconds, notJson))),
                webhooks.post(new byte[1024 * 1024 + 1], Map.of("webhook-id", id, "webhook-timestamp", seconds,
                        "webhook-signature", "v1,AAAA")));
        Set<String> answered = new TreeSet<>();
        for (TestWebhooks.Response refusal : refusals) {
            var body = JSON.readTree(refusal.body());
            // the webhook's own refusals say {"error": {"code"}}; the host-wide body limit answers GraphQL-shaped
            String code = body.has("error") ? body.path("error").path("code").asString()
                    : body.path("errors").path(0).path("extensions").path("code").asString();
            answered.add(refusal.status() + " " + code);
        }

        String doc = Files.readString(NodeChecks.repositoryRoot().resolve("docs/connector-contract.md"));
        String table = doc.substring(doc.indexOf("### 1.3 Responses"), doc.indexOf("**What the platform should do**"));
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("\\| `(\\d{3}) [^`]*` \\|[^\\n]*\"code\": \"([A-Z_]+)\"").matcher(table);
        while (row.find()) {
            documented.add(row.group(1) + " " + row.group(2));
        }
        // 503 is answered only while the database is away: DatabaseOutageTest sends webhooks through that
        assertThat(documented).contains("503 SERVICE_UNAVAILABLE");
        documented.remove("503 SERVICE_UNAVAILABLE");
        assertThat(answered).containsExactlyInAnyOrderElementsOf(documented).contains("401 MISSING_HEADERS",
                "401 BAD_TIMESTAMP", "401 TIMESTAMP_OUT_OF_TOLERANCE", "401 BAD_SIGNATURE", "401 NO_SECRET");
    }

    @Test
    void unknownShopsAnswer404AndAnotherShopsSecretCannotWriteHere(TestShop other) {
        TestWebhooks.Response unknown = new TestWebhooks(host.baseUrl().resolve("/webhooks/no-such-shop"),
                shop.webhooks().secret(), host.clock()).send("stock.changed", stock("v-1", 1, "2026-11-23T10:00:00Z"));
        assertThat(unknown.status()).isEqualTo(404);

        TestWebhooks foreign = new TestWebhooks(host.baseUrl().resolve("/webhooks/" + shop.id()),
                other.webhooks().secret(), host.clock());
        assertThat(foreign.send("stock.changed", stock("v-1", 1, "2026-11-23T10:00:00Z")).status()).isEqualTo(401);
        assertThat(stockOf("v-1")).isEqualTo(3);
    }

    @Test
    void theSameEventThreeTimesHasOneEffect() {
        String id = "evt_" + UUID.randomUUID();
        Map<String, Object> order = Map.of("id", "o-" + id, "customerId", "anna", "updatedAt", "2026-11-23T10:00:00Z");

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(shop.webhooks().send(id, "order.placed", host.clock().instant(), order).status());
        }

        assertThat(statuses).containsExactly(202, 200, 200);
        shop.awaitInboxProcessed();
        assertThat(ticks("event")).isEqualTo(1);
        assertThat(host.bean(Inbox.class).counts(shop.id()).get(Inbox.DONE)).isEqualTo(1);
    }

    @Test
    void eventsInReverseOrderEndInTheLatestState() {
        shop.webhooks().send("stock.changed", stock("v-1", 30, "2026-11-23T10:00:30Z"));
        shop.webhooks().send("stock.changed", stock("v-1", 20, "2026-11-23T10:00:20Z"));
        shop.webhooks().send("stock.changed", stock("v-1", 10, "2026-11-23T10:00:10Z"));
        shop.awaitInboxProcessed();

        assertThat(stockOf("v-1")).isEqualTo(30);
        assertThat(shop.sql().fetchCount(Tables.CATALOG_STOCK_HISTORY, Tables.CATALOG_STOCK_HISTORY.SHOP_ID.eq(shop.id())))
                .isEqualTo(1);
    }

    @Test
    void anEventForAnUnknownVariantFetchesItFromThePlatformOrBecomesADeadLetter() {
        shop.webhooks().send("stock.changed", stock("known-7", 4, "2026-11-23T10:00:00Z"));
        shop.webhooks().send("stock.changed", stock("nobody-knows", 4, "2026-11-23T10:00:00Z"));
        shop.awaitInboxProcessed();

        assertThat(stockOf("known-7")).isEqualTo(4);
        GraphQlResult dead = deadLetters();
        assertThat(dead.path("shop.inbox.deadLetters.edges[0].node.lastError").asString()).contains("nobody-knows");
    }

    @Test
    void anUnknownTypeIsADeadLetterThatCanBeReplayed() {
        shop.webhooks().send("parcel.lost", Map.of("parcel", "p-1"));
        shop.awaitInboxProcessed();

        GraphQlResult dead = deadLetters();
        assertThat(dead.path("shop.inbox.deadLetters.edges[0].node.type").asString()).isEqualTo("parcel.lost");
        assertThat(dead.path("shop.inbox.deadLetters.edges[0].node.lastError").asString()).contains("parcel.lost");

        String inboxId = dead.path("shop.inbox.deadLetters.edges[0].node.id").asString();
        GraphQlResult replay = shop.admin().execute("""
                mutation($shop: ID!, $id: ID!) { inboxEventReplay(input: {shopId: $shop, inboxEventId: $id}) {
                  replayed userErrors { code } } }""", Map.of("shop", shop.id(), "id", inboxId));
        assertThat(replay.path("inboxEventReplay.replayed").asBoolean()).isTrue();
        shop.awaitInboxProcessed();
        assertThat(host.bean(Inbox.class).counts(shop.id()).get(Inbox.DEAD)).isEqualTo(1);
    }

    @Test
    void aFailingListenerIsRetriedWithBackoffAndEndsAsADeadLetter() {
        shop.webhooks().send("order.placed", Map.of("id", "o-x", "customerId", "explode-1",
                "updatedAt", "2026-11-23T10:00:00Z"));
        shop.awaitInboxProcessed();
        assertThat(host.bean(Inbox.class).counts(shop.id()).get(Inbox.RETRY)).isEqualTo(1);

        for (int attempt = 0; attempt < 10; attempt++) {
            host.clock().advance(Duration.ofHours(2));
            host.bean(InboxWorker.class).drain();
        }

        assertThat(host.bean(Inbox.class).counts(shop.id()).get(Inbox.DEAD)).isEqualTo(1);
        assertThat(deadLetters().path("shop.inbox.deadLetters.edges[0].node.lastError").asString())
                .contains("greeting").contains("listener exploded");
        assertThat(deadLetters().path("shop.inbox.deadLetters.edges[0].node.attempts").asInt()).isEqualTo(8);
    }

    @Test
    void theEndpointAnswersQuicklyWhileListenersAreSlow() {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            int status = shop.webhooks().send("order.placed", Map.of("id", "o-slow-" + i, "customerId", "slow-" + i,
                    "updatedAt", "2026-11-23T10:00:00Z")).status();
            millis.add((System.nanoTime() - started) / 1_000_000);
            assertThat(status).isEqualTo(202);
        }

        // each listener call takes 2 s; the endpoint only stores the event
        assertThat(millis).allMatch(ms -> ms < 1000);
        shop.awaitInboxProcessed();
        assertThat(ticks("event")).isEqualTo(5);
    }

    @Test
    void aDeletedCustomerIsErasedAndListenersHearOfIt() {
        shop.webhooks().send("customer.deleted", Map.of("id", "anna"));
        shop.awaitInboxProcessed();

        assertThat(host.bean(Inbox.class).counts(shop.id()).get(Inbox.DONE)).isEqualTo(1);
    }

    @Test
    void rotationKeepsThePreviousSecretValidForTheGracePeriod() {
        String old = shop.webhooks().secret();
        GraphQlResult rotated = shop.admin().execute("""
                mutation($shop: ID!) { shopWebhookSecretRotate(input: {shopId: $shop, graceMinutes: 10}) {
                  secret previousSecretValidUntil } }""", Map.of("shop", shop.id()));
        String fresh = rotated.path("shopWebhookSecretRotate.secret").asString();
        TestWebhooks webhooks = new TestWebhooks(host.baseUrl().resolve("/webhooks/" + shop.id()), fresh,
                host.clock());

        assertThat(webhooks.sendSignedWith(old, "evt_" + UUID.randomUUID(), "stock.changed", host.clock().instant(),
                stock("v-1", 1, "2026-11-23T11:00:00Z"), host.clock().instant()).status()).isEqualTo(202);
        assertThat(webhooks.send("stock.changed", stock("v-1", 2, "2026-11-23T11:00:01Z")).status()).isEqualTo(202);

        host.clock().advance(Duration.ofMinutes(11));
        assertThat(webhooks.sendSignedWith(old, "evt_" + UUID.randomUUID(), "stock.changed", host.clock().instant(),
                stock("v-1", 3, "2026-11-23T11:00:02Z"), host.clock().instant()).status()).isEqualTo(401);
    }

    @Test
    void aSecretRotatedByAnotherInstanceIsAcceptedAtOnce() {
        assertThat(shop.webhooks().send("stock.changed", stock("v-1", 1, "2026-11-23T11:00:00Z")).status())
                .isEqualTo(202);
        // another instance rotates: this one still keeps the old secret in memory
        String rotated = WebhookSignature.newSecret();
        shop.sql().update(Tables.SHOPS).set(Tables.SHOPS.WEBHOOK_SECRET, rotated)
                .where(Tables.SHOPS.ID.eq(shop.id())).execute();
        TestWebhooks webhooks = new TestWebhooks(host.baseUrl().resolve("/webhooks/" + shop.id()), rotated,
                host.clock());

        assertThat(webhooks.send("stock.changed", stock("v-1", 2, "2026-11-23T11:00:01Z")).status()).isEqualTo(202);
        assertThat(shop.webhooks().send("stock.changed", stock("v-1", 3, "2026-11-23T11:00:02Z")).status())
                .as("the replaced secret, now read again from the database").isEqualTo(401);
    }

    private GraphQlResult deadLetters() {
        return shop.admin().execute("""
                query($id: ID!) { shop(id: $id) { inbox { counts { state count }
                  deadLetters(first: 5) { edges { node { id eventId type state attempts lastError } } } } } }""",
                Map.of("id", shop.id())).assertNoErrors();
    }

    private int stockOf(String variantId) {
        return shop.sql().select(Tables.CATALOG_VARIANTS.STOCK).from(Tables.CATALOG_VARIANTS)
                .where(Tables.CATALOG_VARIANTS.SHOP_ID.eq(shop.id()).and(Tables.CATALOG_VARIANTS.VARIANT_ID.eq(variantId)))
                .fetchOne(Tables.CATALOG_VARIANTS.STOCK);
    }

    private int ticks(String kind) {
        return shop.sql().fetchCount(table("greeting_ticks"), field("shop_id").eq(shop.id()).and(field("kind").eq(kind)));
    }

    private static Map<String, Object> stock(String variantId, int stock, String updatedAt) {
        return Map.of("variantId", variantId, "stock", stock, "updatedAt", updatedAt);
    }
}
