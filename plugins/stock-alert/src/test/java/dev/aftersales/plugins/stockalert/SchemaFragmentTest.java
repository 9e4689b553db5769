package dev.aftersales.plugins.stockalert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.graphql.Connection;
import dev.aftersales.testkit.SchemaSources;
import graphql.schema.GraphQLSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fragment merges with the base schema and every field without a resolver is a component of its source. */
class SchemaFragmentTest {

    @Test
    void fragmentMergesWithTheBaseSchema() {
        GraphQLSchema schema = SchemaSources.schemaOf(new StockAlertFeature());

        assertThat(schema.getObjectType("StockAlert")).isNotNull();
        assertThat(schema.getObjectType("Customer").getFieldDefinition("stockAlerts")).isNotNull();
    }

    @Test
    void fieldsWithoutResolverMatchTheirSourceObjects() {
        assertThat(SchemaSources.unreadableFields(new StockAlertFeature(), Map.of(
                "StockAlert", StockAlert.class,
                "StockAlertConnection", Connection.class,
                "StockAlertEdge", Connection.Edge.class,
                "StockAlertSubscribePayload", Payloads.SubscribePayload.class,
                "StockAlertCancelPayload", Payloads.CancelPayload.class))).isEmpty();
    }
}
