package dev.aftersales.plugins.connectorvendure;

import dev.aftersales.api.platform.MalformedWebhookException;
import dev.aftersales.api.platform.PlatformFact;
import dev.aftersales.api.platform.PlatformFact.CustomerDeletedFact;
import dev.aftersales.api.platform.PlatformFact.CustomerFact;
import dev.aftersales.api.platform.PlatformFact.OrderFact;
import dev.aftersales.api.platform.PlatformFact.PriceFact;
import dev.aftersales.api.platform.PlatformFact.StockFact;
import dev.aftersales.api.platform.PlatformFact.VariantFact;
import dev.aftersales.api.platform.WebhookDelivery;
import java.time.Instant;
import java.util.List;

/**
 * Turns one event of the Aftersales Vendure plugin into facts. Pure, so the host may read an event again. The event's
 * {@code occurredAt} orders the facts about one thing: the plugin makes it strictly increase (Vendure's own
 * {@code updatedAt} does not change when only stock moves).
 *
 * <p>Settings-dependent parts (money precision, product links) come from {@link VendureFacts}; the host calls
 * {@code read} without a shop context, so it uses Vendure's default of two decimals and the product link the Vendure
 * plugin sends (its {@code productUrl} option).
 */
final class VendureEvents {

    static final List<String> TYPES = List.of("variant.created", "variant.updated", "variant.deleted",
            "stock.changed", "price.changed", "order.placed", "order.state-changed", "order.refunded",
            "customer.created", "customer.updated", "customer.deleted");

    private final VendureFacts facts = new VendureFacts(2, "");

    List<PlatformFact> read(WebhookDelivery delivery) {
        String type = delivery.type();
        if (!TYPES.contains(type)) {
            throw new MalformedWebhookException("Unknown Vendure event type '" + type + "'; the connector reads "
                    + String.join(", ", TYPES));
        }
        Instant asOf = delivery.occurredAt();
        if (asOf == null) {
            throw new MalformedWebhookException(type + ": occurredAt is missing");
        }
        try {
            return facts(type, delivery, asOf);
        } catch (VendureJson.Unreadable e) {
            throw new MalformedWebhookException(type + ": " + e.getMessage(), e);
        }
    }

    private List<PlatformFact> facts(String type, WebhookDelivery delivery, Instant asOf) {
        Object data = delivery.data();
        return switch (type) {
            case "variant.created", "variant.updated", "variant.deleted" -> List.of(new VariantFact(
                    facts.variant(VendureJson.read(data, VendureShapes.Variant.class, "data")), asOf));
            case "stock.changed" -> {
                VendureShapes.Variant variant = VendureJson.read(data, VendureShapes.Variant.class, "data");
                yield List.of(new StockFact(variant.id(), facts.stock(variant), asOf));
            }
            case "price.changed" -> {
                VendureShapes.Variant variant = VendureJson.read(data, VendureShapes.Variant.class, "data");
                yield List.of(new PriceFact(variant.id(), facts.money(variant.priceWithTax(), variant.currencyCode()),
                        asOf));
            }
            case "customer.created", "customer.updated" -> {
                VendureShapes.Customer customer = VendureJson.read(data, VendureShapes.Customer.class, "data");
                String email = customer.emailAddress() != null && customer.emailAddress().contains("@")
                        ? customer.emailAddress() : null;
                yield List.of(new CustomerFact(customer.id(), email, customer.languageCode(), asOf));
            }
            case "customer.deleted" -> List.of(new CustomerDeletedFact(
                    VendureJson.read(data, VendureShapes.Customer.class, "data").id(), asOf));
            default -> facts.order(VendureJson.read(data, VendureShapes.Order.class, "data"))
                    .<List<PlatformFact>>map(order -> List.of(new OrderFact(order, asOf)))
                    .orElse(List.of());
        };
    }
}
