package dev.aftersales.host.demo;

import dev.aftersales.api.catalog.Variant;
import dev.aftersales.host.catalog.CatalogService;
import dev.aftersales.host.catalog.OrderService;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demo mode only: an in-process stand-in for a shop platform speaking the reference contract
 * (docs/connector-contract.md), so the quick start's reorder and cart features work with nothing external. Carts and
 * coupons are answered, not kept; variants and orders come from the demo shop's mirror.
 */
@RestController
@ConditionalOnProperty(name = "aftersales.demo", havingValue = "true")
public class DemoPlatform {

    static final String API_KEY = "demo-platform-api-key";

    private final CatalogService catalog;
    private final OrderService orders;
    private final Clock clock;

    public DemoPlatform(CatalogService catalog, OrderService orders, Clock clock) {
        this.catalog = catalog;
        this.orders = orders;
        this.clock = clock;
    }

    @PostMapping("/demo/platform/carts")
    public ResponseEntity<Map<String, Object>> createCart(@RequestHeader(value = "Authorization", required = false)
                                                          String authorization, @RequestBody Map<String, Object> body) {
        if (!authorized(authorization)) {
            return error(HttpStatus.UNAUTHORIZED, "unknown API key");
        }
        String id = "cart_" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> cart = new LinkedHashMap<>();
        cart.put("id", id);
        cart.put("checkoutUrl", "https://demo.example/checkout/" + id);
        cart.put("lines", body.getOrDefault("lines", List.of()));
        return ResponseEntity.status(HttpStatus.CREATED).body(cart);
    }

    @PostMapping("/demo/platform/coupons")
    public ResponseEntity<Map<String, Object>> issueCoupon(@RequestHeader(value = "Authorization", required = false)
                                                           String authorization, @RequestBody Map<String, Object> body) {
        if (!authorized(authorization)) {
            return error(HttpStatus.UNAUTHORIZED, "unknown API key");
        }
        Object expiresAt = body.getOrDefault("expiresAt", clock.instant().plus(Duration.ofDays(30)).toString());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of(
                "code", "DEMO-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(), "expiresAt", expiresAt));
    }

    @GetMapping("/demo/platform/variants/{id}")
    public ResponseEntity<Map<String, Object>> variant(@RequestHeader(value = "Authorization", required = false)
                                                       String authorization, @PathVariable String id) {
        if (!authorized(authorization)) {
            return error(HttpStatus.UNAUTHORIZED, "unknown API key");
        }
        return catalog.forShop(DemoSeeder.SHOP_ID).variant(id)
                .map(variant -> ResponseEntity.ok(variantJson(variant)))
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "no variant " + id));
    }

    @GetMapping("/demo/platform/orders/{id}")
    public ResponseEntity<Map<String, Object>> order(@RequestHeader(value = "Authorization", required = false)
                                                     String authorization, @PathVariable String id) {
        if (!authorized(authorization)) {
            return error(HttpStatus.UNAUTHORIZED, "unknown API key");
        }
        return orders.forShop(DemoSeeder.SHOP_ID).order(id)
                .map(order -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("id", order.id());
                    json.put("customerId", order.customerId());
                    json.put("placedAt", order.placedAt().toString());
                    json.put("status", order.status().name());
                    json.put("total", money(order.total()));
                    json.put("lines", order.lines().stream().map(line -> Map.of("variantId", line.variantId(),
                            "productId", line.productId(), "name", line.name(), "quantity", line.quantity(),
                            "unitPrice", money(line.unitPrice()), "returnedQuantity", line.returnedQuantity())).toList());
                    json.put("updatedAt", order.placedAt().toString());
                    return ResponseEntity.ok(json);
                })
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "no order " + id));
    }

    private Map<String, Object> variantJson(Variant variant) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", variant.id());
        json.put("productId", variant.productId());
        json.put("sku", variant.sku());
        json.put("productName", variant.productName());
        json.put("name", variant.name());
        json.put("price", money(variant.price()));
        json.put("stock", variant.stock());
        json.put("purchasable", variant.purchasable());
        json.put("url", variant.url());
        json.put("imageUrl", variant.imageUrl());
        json.put("updatedAt", clock.instant().toString());
        return json;
    }

    private static Map<String, Object> money(dev.aftersales.api.catalog.Money money) {
        return Map.of("amount", money.amount().toPlainString(), "currency", money.currency());
    }

    private static boolean authorized(String authorization) {
        return ("Bearer " + API_KEY).equals(authorization);
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
