package dev.aftersales.plugins.reorder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.api.graphql.Connection;
import dev.aftersales.api.platform.Cart;
import dev.aftersales.api.platform.CartLine;
import dev.aftersales.testkit.SchemaSources;
import graphql.schema.GraphQLSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The schema fragment merges with the base schema, and every field without a resolver is read from a component of
 * the same name of its source object. The rest of the conventions (descriptions, one input per mutation, userErrors,
 * resolvers for added fields) are the testkit's free checks, run before every integration test.
 */
class SchemaFragmentTest {

    @Test
    void fragmentMergesWithTheBaseSchema() {
        GraphQLSchema schema = SchemaSources.schemaOf(new ReorderFeature());

        assertThat(schema.getObjectType("ReorderLine")).isNotNull();
        assertThat(schema.getObjectType("Customer").getFieldDefinition("buyAgain")).isNotNull();
        assertThat(schema.getQueryType().getFieldDefinition("orderReorderPreview")).isNotNull();
        assertThat(schema.getMutationType().getFieldDefinition("orderReorder")).isNotNull();
    }

    @Test
    void fieldsWithoutResolverMatchTheirSourceObjects() {
        assertThat(SchemaSources.unreadableFields(new ReorderFeature(), Map.ofEntries(
                Map.entry("ReorderLine", ReorderLine.class),
                Map.entry("ReorderPreview", ReorderPreview.class),
                Map.entry("ReorderCart", Cart.class),
                Map.entry("ReorderCartLine", CartLine.class),
                Map.entry("BuyAgainItem", BuyAgainItem.class),
                Map.entry("BuyAgainConnection", Connection.class),
                Map.entry("BuyAgainEdge", Connection.Edge.class),
                Map.entry("OrderReorderPayload", Payloads.OrderReorderPayload.class),
                Map.entry("BuyAgainAddPayload", Payloads.BuyAgainAddPayload.class)))).isEmpty();
    }
}
