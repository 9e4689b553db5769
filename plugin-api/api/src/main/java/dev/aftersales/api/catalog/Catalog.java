package dev.aftersales.api.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looks up the shop's variants in the host's mirror. In GraphQL resolvers prefer {@code call.load(Catalog.VARIANT_LOADER,
 * id)}: it batches all variants of one request into one query, and the schema's {@code Variant} type resolves the
 * returned value.
 *
 * <pre>{@code
 * FieldResolver variant = call -> call.load(Catalog.VARIANT_LOADER, call.<ItemRow>source().variantId());
 * Map<String, Variant> byId = shop.catalog().variants(List.of("v-1", "v-2"));
 * }</pre>
 */
public interface Catalog {

    /** Name of the host's batch loader from variant id to {@link Variant}. */
    String VARIANT_LOADER = "host.variant";

    Optional<Variant> variant(String variantId);

    /** The variants that exist, by id; unknown ids are left out. */
    Map<String, Variant> variants(Collection<String> variantIds);

    /** All variants of a product, e.g. to suggest another size or colour. */
    List<Variant> variantsOfProduct(String productId);
}
