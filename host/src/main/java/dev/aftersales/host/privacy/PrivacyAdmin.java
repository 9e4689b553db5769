package dev.aftersales.host.privacy;

import dev.aftersales.api.graphql.UserError;
import dev.aftersales.host.admin.AdminWiring;
import dev.aftersales.host.admin.Operator;
import dev.aftersales.host.jooq.tables.records.CustomerErasuresRecord;
import dev.aftersales.host.tenancy.Shop;
import dev.aftersales.host.tenancy.ShopDirectory;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Operator API: a customer's data export and erasure ({@code aftersales/admin-privacy.graphqls}). */
@Component
class PrivacyAdmin implements AdminWiring {

    private static final int CUSTOMER_ID_MAX = 64;
    private static final int ERASURES_DEFAULT = 20;
    private static final int ERASURES_MAX = 100;

    private final CustomerPrivacy privacy;
    private final ShopDirectory shops;
    private final Clock clock;

    PrivacyAdmin(CustomerPrivacy privacy, ShopDirectory shops, Clock clock) {
        this.privacy = privacy;
        this.shops = shops;
        this.clock = clock;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        // the Shop resolver already checked that the key may manage this shop
        wiring.type("Shop", type -> type
                .dataFetcher("customerExport", this::export)
                .dataFetcher("customerErasures", env -> privacy.erasures(env.<Shop>getSource().id(),
                        env.getArgument("customerId"), limit(env.getArgument("first")))));
        wiring.type("CustomerExport", type -> type
                .dataFetcher("host", env -> env.<Map<String, Object>>getSource().get("host"))
                .dataFetcher("plugins", env -> env.<Map<String, Object>>getSource().get("plugins")));
        wiring.type("CustomerErasure", type -> type
                .dataFetcher("erasedAt", env -> env.<CustomerErasuresRecord>getSource().getErasedAt()));
        wiring.type("Mutation", type -> type.dataFetcher("customerErase", this::erase));
    }

    private static int limit(Integer first) {
        return first == null ? ERASURES_DEFAULT : Math.clamp(first, 0, ERASURES_MAX);
    }

    private Map<String, Object> export(DataFetchingEnvironment env) {
        CustomerPrivacy.Export export = privacy.export(env.getSource(), env.getArgument("customerId"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("customerId", export.customerId());
        result.put("exportedAt", Instant.now(clock));
        result.put("host", export.host());
        result.put("plugins", export.plugins());
        result.put("failures", export.failures());
        return result;
    }

    private Map<String, Object> erase(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        String shopId = (String) input.get("shopId");
        String customerId = (String) input.get("customerId");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("erasure", null);
        Operator operator = Operator.of(env);
        Optional<Shop> shop = operator.mayManage(shopId) ? shops.find(shopId) : Optional.empty();
        if (shop.isEmpty()) {
            payload.put("userErrors", List.of(UserError.of("NOT_FOUND", "There is no such shop", "input", "shopId")));
            return payload;
        }
        if (customerId.isBlank() || customerId.length() > CUSTOMER_ID_MAX) {
            payload.put("userErrors", List.of(UserError.of("INVALID", "A customer id has 1 to " + CUSTOMER_ID_MAX
                    + " characters", "input", "customerId")));
            return payload;
        }
        payload.put("erasure", privacy.erase(shop.get(), customerId, operator.who()));
        payload.put("userErrors", List.of());
        return payload;
    }
}
