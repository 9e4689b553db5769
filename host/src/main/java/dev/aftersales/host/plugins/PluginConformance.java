package dev.aftersales.host.plugins;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.host.admin.AdminGraphQl;
import dev.aftersales.host.graphql.SchemaAssembler;
import dev.aftersales.host.notify.templates.ShippedTemplateCheck;
import dev.aftersales.host.tenancy.Shop;
import dev.aftersales.host.tenancy.TenantGuardRefusals;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.logging.LogFactory;
import org.springframework.stereotype.Component;

/**
 * The checks every plugin must pass, run by the testkit before a plugin's tests: its schema merges, everything in
 * it is described, each mutation takes one {@code input} and returns a payload with {@code userErrors: [UserError!]!},
 * each field it adds to an existing type has a resolver, its notification templates render with their sample data,
 * each of its tables has {@code shop_id}, its migrations apply to an empty database and create only tables named with
 * its feature prefix, export/erase run for an unknown customer, and the tenant guard refused none of its statements so
 * far (the testkit asks again after a test class, so a refusal the plugin swallowed is still reported).
 */
@Component
public class PluginConformance {

    private final PluginRuntime runtime;
    private final SchemaAssembler assembler;
    private final PluginMigrations migrations;
    private final FeatureContexts contexts;
    private final DataSource dataSource;
    private final AdminGraphQl adminGraphQl;
    private final ShippedTemplateCheck shippedTemplates;
    private final TenantGuardRefusals refusals;

    public PluginConformance(PluginRuntime runtime, SchemaAssembler assembler, PluginMigrations migrations,
                             FeatureContexts contexts, DataSource dataSource, AdminGraphQl adminGraphQl,
                             ShippedTemplateCheck shippedTemplates, TenantGuardRefusals refusals) {
        this.runtime = runtime;
        this.assembler = assembler;
        this.migrations = migrations;
        this.contexts = contexts;
        this.dataSource = dataSource;
        this.adminGraphQl = adminGraphQl;
        this.shippedTemplates = shippedTemplates;
        this.refusals = refusals;
    }

    /** Every problem of every loaded plugin; with {@code includeLoadFailures}, jars that failed to load too. */
    public List<String> problems(boolean includeLoadFailures) {
        List<String> problems = new ArrayList<>();
        if (includeLoadFailures) {
            runtime.failures().forEach(failure -> problems.add(failure.jar() + ": not loaded: " + failure.reason()));
        }
        runtime.plugins().forEach(plugin -> problems.addAll(problems(plugin)));
        return problems;
    }

    List<String> problems(LoadedPlugin plugin) {
        List<String> problems = new ArrayList<>();
        mutationsWithoutUserErrors(plugin).forEach(field -> problems.add(plugin.id() + ": mutation " + field
                + " returns a payload without 'userErrors: [UserError!]!'"));
        SchemaConventions conventions = SchemaConventions.of(plugin.schemaFragment());
        conventions.undescribed().forEach(element -> problems.add(plugin.id() + ": " + element
                + " has no description (frontend developers read them in GraphiQL and generated types)"));
        SchemaConventions.of(plugin.adminFragment()).undescribed().forEach(element -> problems.add(plugin.id()
                + ": operator API " + element + " has no description"));
        adminGraphQl.problemOf(plugin.id()).ifPresent(problem -> problems.add(plugin.id()
                + ": operator API fields left out: " + problem));
        conventions.mutationsWithoutSingleInput().forEach(field -> problems.add(plugin.id() + ": mutation " + field
                + " must take exactly one argument, named 'input'"));
        plugin.contribution().extensionFields().stream()
                .filter(field -> !plugin.wiring().resolvers().containsKey(coordinate(field)))
                .forEach(field -> problems.add(plugin.id() + ": " + field + " has no resolver"));
        migrations.tablesWithoutShopId(plugin.descriptor()).forEach(table -> problems.add(plugin.id() + ": table "
                + table + " has no shop_id column"));
        shippedTemplates.problems(plugin.id()).forEach(problems::add);
        problems.addAll(migrateEmptyDatabase(plugin));
        exportAndEraseUnknownCustomer(plugin).ifPresent(problems::add);
        refusals.of(plugin.id()).forEach(reason -> problems.add(plugin.id()
                + ": the tenant guard refused a statement: " + reason));
        return problems;
    }

    private static FeatureWiring.FieldCoordinate coordinate(String typeDotField) {
        int dot = typeDotField.indexOf('.');
        return new FeatureWiring.FieldCoordinate(typeDotField.substring(0, dot), typeDotField.substring(dot + 1));
    }

    private List<String> mutationsWithoutUserErrors(LoadedPlugin plugin) {
        GraphQLSchema schema = assembler.assemble(List.of(plugin));
        List<String> missing = new ArrayList<>();
        GraphQLObjectType mutation = schema.getMutationType();
        for (GraphQLFieldDefinition field : mutation.getFieldDefinitions()) {
            if (!plugin.contribution().addsField("Mutation", field.getName())) {
                continue;
            }
            GraphQLType payload = GraphQLTypeUtil.unwrapAll(field.getType());
            GraphQLFieldDefinition userErrors = payload instanceof GraphQLObjectType object
                    ? object.getFieldDefinition("userErrors") : null;
            if (userErrors == null || !isNonNullListOfNonNullUserError(userErrors.getType())) {
                missing.add(field.getName());
            }
        }
        return missing;
    }

    private static boolean isNonNullListOfNonNullUserError(GraphQLType type) {
        return type instanceof GraphQLNonNull outer
                && outer.getWrappedType() instanceof GraphQLList list
                && list.getWrappedType() instanceof GraphQLNonNull inner
                && inner.getWrappedType() instanceof GraphQLNamedType named
                && "UserError".equals(named.getName());
    }

    /** Migrates a scratch database with the plugin alone; every table it creates must carry the feature prefix. */
    private List<String> migrateEmptyDatabase(LoadedPlugin plugin) {
        String scratch = "aftersales_check_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            Flyway.configure(plugin.classLoader())
                    .dataSource(dataSource)
                    .schemas(scratch)
                    .defaultSchema(scratch)
                    .createSchemas(true)
                    .locations(plugin.descriptor().migrationLocation())
                    .table(PluginMigrations.historyTable(plugin.descriptor()))
                    .failOnMissingLocations(false)
                    .load()
                    .migrate();
            return tablesIn(scratch).stream()
                    .filter(table -> !table.startsWith(plugin.descriptor().tablePrefix()))
                    .filter(table -> !table.equals(PluginMigrations.historyTable(plugin.descriptor())))
                    .map(table -> plugin.id() + ": table " + table + " does not start with the feature prefix '"
                            + plugin.descriptor().tablePrefix() + "' (the tenant guard refuses every statement on it)")
                    .toList();
        } catch (RuntimeException e) {
            return List.of(plugin.id() + ": migrations fail on an empty database: " + e.getMessage());
        } finally {
            LogFactory.setConfiguration(Flyway.configure(PluginConformance.class.getClassLoader()));
            dropQuietly(scratch);
        }
    }

    private Optional<String> exportAndEraseUnknownCustomer(LoadedPlugin plugin) {
        Shop shop = new Shop("conformance-" + UUID.randomUUID().toString().substring(0, 8), "Conformance check",
                null, null, 0, Map.of());
        FeatureContext context = contexts.forShop(shop, plugin);
        String customer = "unknown-" + UUID.randomUUID();
        try {
            if (plugin.feature().export(context, customer) == null) {
                return Optional.of(plugin.id() + ": export returned null for an unknown customer");
            }
            plugin.feature().erase(context, customer);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(plugin.id() + ": export/erase fail for an unknown customer: " + e);
        }
    }

    private List<String> tablesIn(String database) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT table_name FROM information_schema.tables"
                     + " WHERE table_schema = ? ORDER BY table_name")) {
            statement.setString(1, database);
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1).toLowerCase(Locale.ROOT));
                }
            }
            return tables;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list the tables of scratch database " + database, e);
        }
    }

    private void dropQuietly(String database) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS `" + database + "`");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop scratch database " + database, e);
        }
    }
}
