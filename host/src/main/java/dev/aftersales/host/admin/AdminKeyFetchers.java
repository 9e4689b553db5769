package dev.aftersales.host.admin;

import dev.aftersales.api.graphql.UserError;
import dev.aftersales.host.tenancy.Shop;
import dev.aftersales.host.tenancy.ShopDirectory;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The operator API's view of a shop's admin keys ({@code admin-keys.graphqls}): listing and revocation. */
@Component
class AdminKeyFetchers implements AdminWiring {

    private final AdminKeys keys;
    private final ShopDirectory shops;

    AdminKeyFetchers(AdminKeys keys, ShopDirectory shops) {
        this.keys = keys;
        this.shops = shops;
    }

    @Override
    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Shop", type -> type.dataFetcher("adminApiKeys", env -> keys.list(env.<Shop>getSource().id())));
        wiring.type("Mutation", type -> type.dataFetcher("adminApiKeyRevoke", this::revoke));
    }

    private Map<String, Object> revoke(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        String shopId = (String) input.get("shopId");
        if (!Operator.of(env).mayManage(shopId) || shops.find(shopId).isEmpty()) {
            return refused(UserError.of("NOT_FOUND", "There is no such shop", "input", "shopId"));
        }
        Long keyId = parse(String.valueOf(input.get("keyId")));
        if (keyId == null || !keys.revoke(shopId, keyId)) {
            return refused(UserError.of("NOT_FOUND", "The shop has no working key with this id", "input", "keyId"));
        }
        return Map.of("revoked", true, "userErrors", List.of());
    }

    private static Map<String, Object> refused(UserError error) {
        return Map.of("revoked", false, "userErrors", List.of(error));
    }

    private static Long parse(String id) {
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException notAnId) {
            return null;
        }
    }
}
