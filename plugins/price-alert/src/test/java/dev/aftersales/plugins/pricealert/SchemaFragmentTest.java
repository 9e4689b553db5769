package dev.aftersales.plugins.pricealert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.graphql.Connection;
import dev.aftersales.testkit.SchemaSources;
import graphql.schema.GraphQLSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The schema fragment merges with the base schema, and every field without a resolver is read from a component of
 * the same name of its source object. The other conventions are the testkit's free checks, run before the ITs.
 */
class SchemaFragmentTest {

    @Test
    void fragmentMergesWithTheBaseSchema() {
        GraphQLSchema schema = SchemaSources.schemaOf(new PriceAlertFeature());

        assertThat(schema.getObjectType("Customer").getFieldDefinition("priceAlerts")).isNotNull();
        assertThat(schema.getObjectType("Customer").getFieldDefinition("watchesWishlistPrices")).isNotNull();
        assertThat(schema.getMutationType().getFieldDefinition("priceAlertSubscribe")).isNotNull();
    }

    @Test
    void fieldsWithoutResolverMatchTheirSourceObjects() {
        assertThat(SchemaSources.unreadableFields(new PriceAlertFeature(), Map.ofEntries(
                Map.entry("PriceAlert", PriceAlert.class),
                Map.entry("PriceAlertConnection", Connection.class),
                Map.entry("PriceAlertEdge", Connection.Edge.class),
                Map.entry("PriceAlertSubscribePayload", Payloads.SubscribePayload.class),
                Map.entry("PriceAlertCancelPayload", Payloads.CancelPayload.class),
                Map.entry("PriceAlertWatchWishlistPayload", Payloads.WatchWishlistPayload.class)))).isEmpty();
    }
}
