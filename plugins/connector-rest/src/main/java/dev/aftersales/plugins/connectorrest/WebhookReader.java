package dev.aftersales.plugins.connectorrest;

import dev.aftersales.api.platform.MalformedWebhookException;
import dev.aftersales.api.platform.PlatformFact;
import dev.aftersales.api.platform.PlatformFact.CustomerDeletedFact;
import dev.aftersales.api.platform.PlatformFact.CustomerFact;
import dev.aftersales.api.platform.PlatformFact.OrderFact;
import dev.aftersales.api.platform.PlatformFact.PriceFact;
import dev.aftersales.api.platform.PlatformFact.StockFact;
import dev.aftersales.api.platform.PlatformFact.VariantFact;
import dev.aftersales.api.platform.WebhookDelivery;
import java.util.List;

/**
 * Turns one webhook delivery of the contract into the facts it reports. Pure: no I/O, the same delivery always gives
 * the same facts, so the host may run it again. Anything the contract does not allow is a
 * {@link MalformedWebhookException} naming the event type and the field.
 */
final class WebhookReader {

    /** Every event type of the contract, in the order the contract lists them. */
    static final List<String> TYPES = List.of("variant.created", "variant.updated", "stock.changed", "price.changed",
            "order.placed", "order.fulfilled", "order.delivered", "order.cancelled", "order.returned",
            "customer.created", "customer.updated", "customer.deleted");

    List<PlatformFact> read(WebhookDelivery delivery) {
        String type = delivery.type();
        if (type == null || !TYPES.contains(type)) {
            throw new MalformedWebhookException("Unknown event type '" + type + "'; the contract knows "
                    + String.join(", ", TYPES));
        }
        try {
            JsonFields data = JsonFields.of(delivery.data(), "data");
            return List.of(fact(type, data));
        } catch (InvalidPayload e) {
            throw new MalformedWebhookException(type + ": " + e.getMessage(), e);
        }
    }

    private static PlatformFact fact(String type, JsonFields data) {
        return switch (type) {
            case "variant.created", "variant.updated" ->
                    new VariantFact(PlatformPayloads.variant(data), data.instant("updatedAt"));
            case "stock.changed" -> new StockFact(data.text("variantId", PlatformPayloads.ID_MAX),
                    data.integer("stock", 0), data.instant("updatedAt"));
            case "price.changed" -> new PriceFact(data.text("variantId", PlatformPayloads.ID_MAX),
                    data.money("price"), data.instant("updatedAt"));
            case "customer.created", "customer.updated" -> customer(data);
            case "customer.deleted" ->
                    new CustomerDeletedFact(data.text("id", PlatformPayloads.ID_MAX), data.instant("deletedAt"));
            case "order.placed", "order.fulfilled", "order.delivered", "order.cancelled", "order.returned" ->
                    new OrderFact(PlatformPayloads.order(data), data.instant("updatedAt"));
            default -> throw new IllegalStateException("TYPES lists " + type + " but fact() does not read it");
        };
    }

    private static CustomerFact customer(JsonFields data) {
        String id = data.text("id", PlatformPayloads.ID_MAX);
        String email = data.optionalText("email", PlatformPayloads.EMAIL_MAX);
        if (email != null && !email.contains("@")) {
            throw new InvalidPayload(data.path("email"), "must be an email address");
        }
        return new CustomerFact(id, email, data.optionalText("locale", PlatformPayloads.LOCALE_MAX),
                data.instant("updatedAt"));
    }
}
