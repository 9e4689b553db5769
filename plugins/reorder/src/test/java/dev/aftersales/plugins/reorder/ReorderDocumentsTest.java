package dev.aftersales.plugins.reorder;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The documents of the integration tests are valid against base schema + fragment, checked without a host. */
class ReorderDocumentsTest {

    @Test
    void everyDocumentTheIntegrationTestsSendIsValid() throws IOException {
        TypeDefinitionRegistry registry = new SchemaParser().parse(Files.readString(Path.of("../../schema.graphqls")));
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("aftersales/reorder/schema.graphqls")) {
            registry.merge(new SchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);

        for (String text : ReorderDocuments.ALL) {
            Document document = Parser.parse(text);
            List<ValidationError> errors = new Validator().validateDocument(schema, document, Locale.ENGLISH);
            assertThat(errors).as(text).isEmpty();
        }
    }
}
