package dev.aftersales.plugins.connectorvendure;

import dev.aftersales.api.platform.Coupon;
import dev.aftersales.api.platform.CouponRequest;
import dev.aftersales.api.platform.PlatformException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Coupons as Vendure promotions with a coupon code: used once in all ({@code usageLimit} 1), ending at the
 * coupon's expiry, and for a named customer only through the Vendure plugin's {@code aftersales_customer} condition.
 *
 * <p>The code is derived from the shop and the reason, so issuing for the same reason again finds the first
 * promotion instead of making a second one (also when two hosts race: Vendure refuses a code twice).
 */
final class Coupons {

    /** One Admin API call, with the connector's timeouts, retries and circuit breaker. */
    interface AdminCall {
        JsonNode run(String document, Map<String, Object> variables) throws PlatformException;
    }

    private static final String FIND = """
            query($code: String!) { promotions(options: {filter: {couponCode: {eq: $code}}, take: 1}) {
              items { couponCode endsAt } } }""";
    private static final String CREATE = """
            mutation($input: CreatePromotionInput!) { createPromotion(input: $input) {
              __typename ... on Promotion { couponCode endsAt } ... on ErrorResult { errorCode message } } }""";

    private final VendureFacts facts;
    private final AdminCall admin;

    Coupons(VendureFacts facts, AdminCall admin) {
        this.facts = facts;
        this.admin = admin;
    }

    Coupon issue(String shopId, CouponRequest request) throws PlatformException {
        String code = code(shopId, request.reason());
        Optional<Coupon> existing = find(code);
        if (existing.isPresent()) {
            return existing.get();
        }
        JsonNode created = admin.run(CREATE, Map.of("input", input(code, request))).path("createPromotion");
        if ("Promotion".equals(created.path("__typename").asString(""))) {
            return coupon(created);
        }
        // most likely another host instance issued the same coupon a moment ago
        return find(code).orElseThrow(() -> new PlatformException("Vendure refused the coupon: "
                + created.path("message").asString("no reason given"), false));
    }

    /** {@code AS-} and 12 characters: from the reason when there is one, random otherwise. */
    static String code(String shopId, String reason) {
        String seed = reason == null ? UUID.randomUUID().toString() : shopId + ":" + reason;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return "AS-" + HexFormat.of().formatHex(hash, 0, 6).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private Optional<Coupon> find(String code) throws PlatformException {
        JsonNode items = admin.run(FIND, Map.of("code", code)).path("promotions").path("items");
        return items.isArray() && !items.isEmpty() ? Optional.of(coupon(items.get(0))) : Optional.empty();
    }

    private static Coupon coupon(JsonNode promotion) throws PlatformException {
        VendureShapes.Promotion read = VendureConnector.readAnswer(promotion, VendureShapes.Promotion.class);
        return new Coupon(read.couponCode(), read.endsAt());
    }

    private Map<String, Object> input(String code, CouponRequest request) throws PlatformException {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("enabled", true);
        input.put("couponCode", code);
        input.put("usageLimit", 1);
        input.put("perCustomerUsageLimit", 1);
        if (request.expiresAt() != null) {
            input.put("endsAt", request.expiresAt().toString());
        }
        List<Object> conditions = new ArrayList<>();
        if (request.customerId() != null) {
            conditions.add(operation("aftersales_customer", Map.of("customerId", request.customerId())));
        }
        input.put("conditions", conditions);
        input.put("actions", List.of(action(request)));
        String name = request.reason() == null ? "Aftersales coupon" : "Aftersales: " + request.reason();
        input.put("translations", List.of(Map.of("languageCode", "en",
                "name", name.length() > 200 ? name.substring(0, 200) : name)));
        return input;
    }

    private Map<String, Object> action(CouponRequest request) throws PlatformException {
        return switch (request.kind()) {
            case FIXED_AMOUNT -> operation("order_fixed_discount",
                    Map.of("discount", String.valueOf(facts.minorUnits(request.value()))));
            case PERCENTAGE -> operation("order_percentage_discount",
                    Map.of("discount", request.value().stripTrailingZeros().toPlainString()));
            case FREE_SHIPPING -> operation("free_shipping", Map.of());
        };
    }

    /** A Vendure ConfigurableOperationInput: a code and its arguments, every value a string. */
    private static Map<String, Object> operation(String code, Map<String, String> arguments) {
        return Map.of("code", code, "arguments", arguments.entrySet().stream()
                .map(argument -> Map.of("name", argument.getKey(), "value", argument.getValue())).toList());
    }
}
