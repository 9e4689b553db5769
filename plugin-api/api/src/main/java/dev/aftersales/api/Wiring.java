package dev.aftersales.api;

import dev.aftersales.api.events.Event;
import dev.aftersales.api.events.EventListener;
import dev.aftersales.api.graphql.BatchLoader;
import dev.aftersales.api.graphql.FieldResolver;
import dev.aftersales.api.jobs.Job;
import dev.aftersales.api.jobs.Schedule;
import java.time.Duration;

/**
 * Where a feature tells the host what to call. Passed to {@link Feature#register(Wiring)} once.
 *
 * <pre>{@code
 * wiring.query("wishlists", fetchers::wishlists);
 * wiring.mutation("wishlistCreate", fetchers::create);
 * wiring.field("Wishlist", "items", fetchers::items);
 * wiring.batchLoader("wishlist.itemCount", repository::countItems);
 * wiring.listen(CustomerDeleted.class, (shop, event) -> erase(shop, event.customerId()));
 * wiring.job("expire-guest-lists", Duration.ofHours(1), shop -> repository.expireGuestLists(shop));
 * }</pre>
 *
 * Fields without a resolver are read from the parent object: a record component, getter or map key of the same
 * name. A value of an interface or union type (e.g. {@code Node}) resolves to the object type named by its class's
 * simple name ({@code record Wishlist(...)} is a {@code Wishlist}) or, for a map, by its {@code "__typename"} entry.
 */
public interface Wiring {

    /** Resolves a field of {@code Query} declared in the feature's schema fragment. */
    default void query(String field, FieldResolver resolver) {
        field("Query", field, resolver);
    }

    /** Resolves a field of {@code Mutation} declared in the feature's schema fragment. */
    default void mutation(String field, FieldResolver resolver) {
        field("Mutation", field, resolver);
    }

    /** Resolves a field of any type: the feature's own or one it extends ({@code Customer}, {@code Variant}). */
    void field(String type, String field, FieldResolver resolver);

    /**
     * Resolves a field of the operator API ({@code POST /admin/graphql}), declared in the feature's
     * {@code aftersales/<featureId>/admin.graphqls} as {@code extend type Shop { ... }} and its own types. Use it for
     * reports and operator views. {@code call.shop()} is the shop the operator is looking at; the viewer is a guest.
     * Operator mutations ({@code extend type Mutation}, type {@code "Mutation"}) name their shop in
     * {@code input.shopId}; the host checks that the operator's key manages it (since plugin API 1.1).
     *
     * <pre>{@code
     * wiring.adminField("Shop", "wishlistReport", call -> reports.listCounts(call.shop()));
     * wiring.adminField("Mutation", "loyaltyTiersSet", call -> tiers.replace(call.shop(), call.input()));
     * }</pre>
     */
    void adminField(String type, String field, FieldResolver resolver);

    /**
     * Registers a batch loader named {@code <featureId>.<name>} (the host refuses other names, so features cannot
     * clash). Resolvers call
     * {@code call.load(name, key)}; keys requested while one query runs are loaded in one call.
     */
    <K, V> void batchLoader(String name, BatchLoader<K, V> loader);

    /** Calls {@code listener} for each event of this type in every shop that enabled the feature. */
    <E extends Event> void listen(Class<E> type, EventListener<E> listener);

    /**
     * Runs {@code job} every {@code interval} for each shop that enabled the feature, on one host instance at a time.
     * The job reads the time from {@link FeatureContext#clock()}. Same as {@code job(name, Schedule.every(interval),
     * job)}.
     */
    void job(String name, Duration interval, Job job);

    /**
     * Runs {@code job} on {@code schedule} for each shop that enabled the feature, on one host instance at a time;
     * {@link Schedule#dailyAt} reads the time of day in the shop's time zone. Since plugin API 1.1.
     */
    default void job(String name, Schedule schedule, Job job) {
        if (schedule instanceof Schedule.Every every) {
            job(name, every.interval(), job);
        } else {
            throw new UnsupportedOperationException("This host runs jobs at fixed intervals only");
        }
    }

    /**
     * Serves the feature's signed link {@code name} (lower-case letters, digits and dashes) at
     * {@code /l/{shopId}/{token}}; make its URLs with {@link Links#url}. The host verifies the token and its expiry,
     * resolves the language and escapes the page; the handler decides what happens (see {@link LinkHandler}). For
     * mails: buy again, manage a reminder, a review form, a referral landing. Since plugin API 1.1.
     *
     * <pre>{@code
     * wiring.link("buy-again", call -> LinkResponse.redirect(carts.checkoutUrl(call.shop(), call.subject())));
     * }</pre>
     */
    default void link(String name, LinkHandler handler) {
        throw new UnsupportedOperationException("This host serves no feature links");
    }
}
