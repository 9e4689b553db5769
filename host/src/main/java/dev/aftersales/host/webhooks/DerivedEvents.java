package dev.aftersales.host.webhooks;

import dev.aftersales.api.events.CustomerChanged;
import dev.aftersales.api.events.CustomerDeleted;
import dev.aftersales.api.events.Event;
import dev.aftersales.api.events.OrderPlaced;
import dev.aftersales.api.events.OrderReturned;
import dev.aftersales.api.events.OrderStatusChanged;
import dev.aftersales.api.events.PriceChanged;
import dev.aftersales.api.events.StockChanged;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the events derived from a webhook as JSON into its inbox row and reads them back, so a retry delivers the
 * same events without applying the facts again.
 */
@Component
class DerivedEvents {

    private static final Map<String, Class<? extends Event>> TYPES = Stream.of(StockChanged.class, PriceChanged.class,
                    OrderPlaced.class, OrderStatusChanged.class, OrderReturned.class, CustomerChanged.class,
                    CustomerDeleted.class)
            .collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    private final JsonMapper json;

    DerivedEvents(JsonMapper json) {
        this.json = json;
    }

    String write(List<Event> events) {
        return json.writeValueAsString(events.stream()
                .map(event -> Map.of("type", event.getClass().getSimpleName(), "event", event))
                .toList());
    }

    List<Event> read(String text) {
        List<Event> events = new ArrayList<>();
        for (JsonNode node : json.readTree(text)) {
            Class<? extends Event> type = TYPES.get(node.path("type").asString());
            if (type == null) {
                throw new IllegalStateException("Unknown derived event type " + node.path("type"));
            }
            events.add(json.treeToValue(node.path("event"), type));
        }
        return events;
    }
}
