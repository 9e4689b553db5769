package dev.aftersales.host.admin;

import dev.aftersales.api.FeatureException;
import graphql.schema.DataFetchingEnvironment;

/**
 * Who uses the operator API: the platform (bootstrap key, every shop, plugin installation) or one shop's admin.
 *
 * @param shopId the shop a shop admin key belongs to; null for the platform
 * @param keyId  the id of the shop admin key used; null for the platform key
 */
public record Operator(String shopId, Long keyId) {

    public Operator(String shopId) {
        this(shopId, null);
    }

    public static Operator platform() {
        return new Operator(null, null);
    }

    /** Who acted, for records such as the erasure log: {@code platform} or {@code admin-key:<id>}. */
    public String who() {
        return isPlatform() ? "platform" : "admin-key:" + keyId;
    }

    public boolean isPlatform() {
        return shopId == null;
    }

    /** Who acted, for records: {@code platform} or {@code shop:<id>}. */
    public String name() {
        return isPlatform() ? "platform" : "shop:" + shopId;
    }

    public boolean mayManage(String shop) {
        return isPlatform() || shopId.equals(shop);
    }

    /** The operator of an operator API request, as the API key named it. */
    public static Operator of(DataFetchingEnvironment environment) {
        Operator operator = environment.getGraphQlContext().get(Operator.class);
        if (operator == null) {
            throw new FeatureException(FeatureException.ErrorCode.UNAUTHENTICATED, "No admin API key");
        }
        return operator;
    }

    public void requirePlatform(String action) {
        if (!isPlatform()) {
            throw new FeatureException(FeatureException.ErrorCode.FORBIDDEN,
                    action + " needs the platform key; a shop's admin key cannot do it");
        }
    }
}
