package dev.aftersales.host.catalog;

import static dev.aftersales.host.jooq.Tables.CATALOG_VARIANTS;

import dev.aftersales.api.catalog.Catalog;
import dev.aftersales.api.catalog.Money;
import dev.aftersales.api.catalog.Variant;
import dev.aftersales.host.jooq.tables.records.CatalogVariantsRecord;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** The host's mirror of the shop platform's variants, read per shop by features and the base schema. */
@Component
public class CatalogService {

    private final DSLContext db;
    private final Clock clock;

    public CatalogService(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Catalog forShop(String shopId) {
        return new ShopCatalog(shopId);
    }

    /** Variants by id in one query; unknown ids are left out. */
    public Map<String, Variant> variants(String shopId, Collection<String> variantIds) {
        Map<String, Variant> byId = new LinkedHashMap<>();
        if (variantIds.isEmpty()) {
            return byId;
        }
        db.selectFrom(CATALOG_VARIANTS)
                .where(CATALOG_VARIANTS.SHOP_ID.eq(shopId).and(CATALOG_VARIANTS.VARIANT_ID.in(variantIds)))
                .forEach(row -> byId.put(row.getVariantId(), toVariant(row)));
        return byId;
    }

    /** Inserts or replaces a variant in the mirror (demo seeding, tests; webhooks go through MirrorUpdates). */
    public void save(String shopId, Variant variant) {
        FactUrls.problem(variant).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        db.transaction(tx -> MirrorRows.replaceVariant(tx.dsl(), shopId, variant, clock.instant(), null));
    }

    private static Variant toVariant(CatalogVariantsRecord row) {
        return new Variant(row.getVariantId(), row.getProductId(), row.getSku(), row.getProductName(), row.getName(),
                new Money(row.getPrice(), row.getCurrency()), row.getStock(), Boolean.TRUE.equals(row.getPurchasable()),
                row.getUrl(), row.getImageUrl());
    }

    private final class ShopCatalog implements Catalog {

        private final String shopId;

        private ShopCatalog(String shopId) {
            this.shopId = shopId;
        }

        @Override
        public Optional<Variant> variant(String variantId) {
            return Optional.ofNullable(CatalogService.this.variants(shopId, List.of(variantId)).get(variantId));
        }

        @Override
        public Map<String, Variant> variants(Collection<String> variantIds) {
            return CatalogService.this.variants(shopId, variantIds);
        }

        @Override
        public List<Variant> variantsOfProduct(String productId) {
            return db.selectFrom(CATALOG_VARIANTS)
                    .where(CATALOG_VARIANTS.SHOP_ID.eq(shopId).and(CATALOG_VARIANTS.PRODUCT_ID.eq(productId)))
                    .orderBy(CATALOG_VARIANTS.VARIANT_ID)
                    .fetch(CatalogService::toVariant);
        }
    }
}
