package dev.aftersales.api;

import dev.aftersales.api.catalog.Catalog;
import dev.aftersales.api.catalog.Orders;
import dev.aftersales.api.catalog.Recommendations;
import dev.aftersales.api.events.Events;
import dev.aftersales.api.notify.Notifier;
import dev.aftersales.api.platform.ShopPlatform;
import dev.aftersales.api.rewards.Rewards;
import dev.aftersales.api.settings.Settings;
import java.time.Clock;
import org.jooq.DSLContext;
import org.jooq.TransactionalCallable;

/**
 * The host's services for one feature in one shop. Every call a plugin receives carries one.
 *
 * <pre>{@code
 * int max = shop.settings().integer("maxLists");
 * shop.db().transaction(tx -> tx.dsl().insertInto(WISHLIST_LIST)
 *         .set(WISHLIST_LIST.SHOP_ID, shop.shopId()) ...execute());
 * }</pre>
 */
public interface FeatureContext {

    /** The shop's id, the value every feature table stores in {@code shop_id}. */
    String shopId();

    /** The id of the feature this context was made for. */
    String featureId();

    /**
     * A jOOQ context for the feature's tables. The host checks every statement on a feature table: one that does
     * not filter on (or insert) this shop's {@code shop_id} fails with an exception before it reaches the database.
     * Use {@code db().transaction(...)} or {@code db().transactionResult(...)} for several writes.
     */
    DSLContext db();

    /**
     * Runs {@code work} in one transaction of {@link #db()}, and runs it again (at most six attempts, after a short
     * pause that grows exponentially and is randomised) when it lost a race with a concurrent request: rolled back as
     * a deadlock victim, timed out waiting for a lock, or refused by a unique key another transaction filled first.
     * Use it for every mutation that many clients may run at once on the same rows, and for check-then-write changes
     * that a double click may run twice at once. The work may run more than once, so it must only touch the database
     * (and the notifier, which joins the transaction). A race still lost after the last attempt reaches the client as
     * the retryable error {@code CONFLICT}. Retries are the safety net, not the design: write so that concurrent
     * requests for different rows take no conflicting locks (e.g. insert on a unique key and handle the duplicate
     * rather than {@code SELECT ... FOR UPDATE} a row that does not exist yet, which locks a gap). Since plugin API 1.1.
     *
     * <pre>{@code
     * Wishlist list = shop.inTransaction(tx -> repository.defaultListForUpdate(tx.dsl(), customerId));
     * }</pre>
     */
    default <T> T inTransaction(TransactionalCallable<T> work) {
        return TransactionRaces.run(db(), work);
    }

    /** The host's clock. Tests move it; never call {@code Instant.now()} directly. */
    Clock clock();

    /**
     * The shop: its name, time zone and default language, for a plugin that works in the shop's local time (a daily
     * send window, "in 14 days") or writes to people the host knows nothing of. Since plugin API 1.1.
     */
    default ShopProfile shop() {
        throw new UnsupportedOperationException("This host provides no shop profile");
    }

    /** This feature's settings for this shop, with defaults applied. */
    Settings settings();

    /** Variants and products of the shop, from the host's local mirror. */
    Catalog catalog();

    /** Order history of the shop's customers, from the host's local mirror. */
    Orders orders();

    /** Signed, tamper-proof tokens for links (shared lists, unsubscribe, referral codes). */
    Links links();

    /** Publishes events to the other features enabled in this shop. */
    Events events();

    /** The shop platform through the shop's connector: carts and coupons. Never call it inside a transaction. */
    ShopPlatform platform();

    /**
     * The outbox for messages to the shop's customers and guests; calls join the current transaction (see
     * {@link Notifier}). Since plugin API 1.1.
     */
    default Notifier notifier() {
        throw new UnsupportedOperationException("This host provides no notifier");
    }

    /**
     * The shop's points ledger: the only way to give or take a customer's points (idempotent, never negative; see
     * {@link Rewards}). Calls join the current transaction. Since plugin API 1.1.
     *
     * <pre>{@code
     * shop.rewards().earn(customerId, 120, "Order 1001", "order:1001", "loyalty:order:1001", availableAt);
     * }</pre>
     */
    default Rewards rewards() {
        throw new UnsupportedOperationException("This host provides no rewards ledger");
    }

    /**
     * Products to recommend to a customer: bought together with their last order by other customers, in stock, not
     * bought by them before.
     *
     * <pre>{@code
     * List<Variant> picks = shop.recommendations().forCustomer(customerId, 3);
     * }</pre>
     *
     * Since plugin API 1.1.
     */
    default Recommendations recommendations() {
        throw new UnsupportedOperationException("This host provides no recommendations");
    }
}
