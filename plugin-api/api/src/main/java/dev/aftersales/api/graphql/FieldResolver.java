package dev.aftersales.api.graphql;

/**
 * Resolves one GraphQL field. May return the value, or a {@link java.util.concurrent.CompletableFuture} of it (as
 * {@link FieldCall#load} does).
 *
 * <pre>{@code
 * FieldResolver itemCount = call -> call.load("wishlist.itemCount", call.<WishlistRow>source().id());
 * }</pre>
 */
@FunctionalInterface
public interface FieldResolver {

    Object resolve(FieldCall call) throws Exception;
}
