package dev.aftersales.plugins.reorder;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.schema.idl.SchemaParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The host serializes {@link ReorderLineStatus} by name: the Java and GraphQL enums must name the same values. */
class ReorderLineStatusTest {

    @Test
    void javaAndGraphQlEnumsHaveTheSameValues() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("aftersales/reorder/schema.graphqls")) {
            EnumTypeDefinition graphQl = new SchemaParser()
                    .parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .getType("ReorderLineStatus", EnumTypeDefinition.class).orElseThrow();

            assertThat(graphQl.getEnumValueDefinitions()).extracting(EnumValueDefinition::getName)
                    .containsExactlyElementsOf(Stream.of(ReorderLineStatus.values()).map(Enum::name).toList());
        }
    }
}
