package dev.aftersales.host.it;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ParseAndValidate;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a storefront developer takes from the repository works as written: the README's GraphQL examples are valid,
 * named documents of the demo schema (base schema and every bundled feature), and docs/codegen.yml types every
 * custom scalar (graphql-codegen run for real).
 */
class StorefrontToolingTest {

    private static final Pattern GRAPHQL_BLOCK = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern SCALAR = Pattern.compile("^scalar (\\w+)", Pattern.MULTILINE);

    private final Path root = NodeChecks.repositoryRoot();

    @Test
    void readmeGraphQlExamplesAreNamedValidDocumentsOfTheDemoSchema() throws IOException {
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(demoSchema());
        Matcher blocks = GRAPHQL_BLOCK.matcher(Files.readString(root.resolve("README.md")));
        List<String> problems = new ArrayList<>();
        int count = 0;
        while (blocks.find()) {
            count++;
            String block = blocks.group(1);
            Document document = Parser.parse(block);
            List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
            if (operations.size() > 1 && operations.stream().anyMatch(operation -> operation.getName() == null)) {
                problems.add("several operations, not all named:\n" + block);
            }
            for (ValidationError error : ParseAndValidate.validate(schema, document)) {
                problems.add(error.getMessage() + " in:\n" + block);
            }
        }
        assertThat(count).isPositive();
        assertThat(problems).isEmpty();
    }

    @Test
    void codegenConfigMapsEveryCustomScalarToAType() throws IOException {
        Path output = root.resolve("target/codegen/storefront.ts");
        Files.deleteIfExists(output);

        NodeChecks.Run codegen = NodeChecks.node("codegen.mjs", root.resolve("docs/codegen.yml").toString(),
                root.toString());

        assertThat(codegen.exitCode()).as(codegen.output()).isZero();
        String generated = Files.readString(output);
        String scalars = generated.substring(generated.indexOf("export type Scalars = {"),
                generated.indexOf("};", generated.indexOf("export type Scalars = {")));
        List<String> custom = new ArrayList<>();
        for (Path file : schemaFiles()) {
            SCALAR.matcher(Files.readString(file)).results().forEach(match -> custom.add(match.group(1)));
        }
        assertThat(custom).contains("DateTime", "Decimal");
        assertThat(custom).allSatisfy(name -> assertThat(scalars).contains("  " + name + ": { input: "));
        assertThat(scalars).doesNotContain("any").doesNotContain("unknown");
    }

    private TypeDefinitionRegistry demoSchema() throws IOException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        for (Path file : schemaFiles()) {
            registry.merge(new SchemaParser().parse(Files.readString(file)));
        }
        return registry;
    }

    /** The base schema and the storefront schema of every bundled feature, as docs/codegen.yml names them. */
    private List<Path> schemaFiles() throws IOException {
        List<Path> files = new ArrayList<>(List.of(root.resolve("schema.graphqls")));
        try (Stream<Path> plugins = Files.list(root.resolve("plugins"))) {
            for (Path plugin : plugins.sorted().toList()) {
                Path resources = plugin.resolve("src/main/resources/aftersales");
                if (Files.isDirectory(resources)) {
                    try (Stream<Path> features = Files.list(resources)) {
                        features.map(feature -> feature.resolve("schema.graphqls")).filter(Files::exists).sorted()
                                .forEach(files::add);
                    }
                }
            }
        }
        return files;
    }
}
