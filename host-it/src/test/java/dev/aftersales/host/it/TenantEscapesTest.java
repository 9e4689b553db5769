package dev.aftersales.host.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.host.plugins.PluginConformance;
import dev.aftersales.host.tenancy.TenantGuardRefusals;
import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import fixtures.escapes.EscapesFeature;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every known way out of a plugin's own rows of its shop, tried by the {@code escapes} fixture plugin through the
 * running host: the tenant guard refuses each before it reaches the database, and the free checks name each one, as
 * well as the table the fixture's migration creates without the feature prefix.
 */
class TenantEscapesTest {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(FixturePlugins.escapes(), FixturePlugins.greeting())
            // the fixture breaks the rules on purpose: the test reads the checks' findings itself
            .withProperty("aftersales.testkit.free-checks", "false");

    private static final String ADD = "mutation($b: String!) { escapesNoteAdd(input: {body: $b}) { userErrors { code } } }";

    @Test
    void everyEscapeIsRefusedAndNamedByTheFreeChecks(TestShop shopA, TestShop shopB) {
        shopA.enable("escapes");
        shopB.enable("escapes");
        shopB.enable("greeting");
        shopA.storefront().execute(ADD, Map.of("b", "a's note")).assertNoErrors();
        shopB.storefront().execute(ADD, Map.of("b", "b's note")).assertNoErrors();
        shopB.storefront().execute("mutation { greetingSet(input: {message: \"b's greeting\"}) { message } }")
                .assertNoErrors();
        shopB.sql().insertInto(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name("notes")))
                .columns(org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("shop_id")),
                        org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("body")))
                .values(shopB.id(), "b's unprefixed note").execute();
        host.bean(TenantGuardRefusals.class).take("escapes");

        for (String escape : EscapesFeature.ESCAPES) {
            GraphQlResult result = shopA.storefront().execute("query($e: String!) { escapesTry(escape: $e) }",
                    Map.of("e", escape));
            assertThat(result.errorCodes()).as(escape).containsExactly("INTERNAL");
            assertThat(result.json().toString()).as(escape).doesNotContain("note").doesNotContain("greeting");
        }

        assertThat(shopA.storefront().execute("{ escapesNotes }").path("escapesNotes").asInt()).isEqualTo(1);
        assertThat(shopB.storefront().execute("{ escapesNotes }").path("escapesNotes").asInt()).isEqualTo(1);
        List<String> problems = host.bean(PluginConformance.class).problems(true).stream()
                .filter(problem -> problem.startsWith("escapes: ")).toList();
        assertThat(problems).contains(
                "escapes: table notes does not start with the feature prefix 'escapes_' (the tenant guard refuses"
                        + " every statement on it)",
                "escapes: the tenant guard refused a statement: `escapes_notes` is used without"
                        + " `escapes_notes`.`shop_id` = <this shop> as a top-level AND condition of its query block",
                "escapes: the tenant guard refused a statement: plain SQL (SQLResultQuery) cannot be checked; build"
                        + " the statement with jOOQ's DSL on the plugin's generated tables",
                "escapes: the tenant guard refused a statement: INSERT of a row whose shop_id is not this shop");
        assertThat(problems).anyMatch(problem -> problem.contains("the table orders is not one of the plugin's own"));
        assertThat(problems).anyMatch(problem -> problem.contains("the table greeting_messages is not one of"));
        assertThat(problems).anyMatch(problem -> problem.contains("the table notes is not one of"));
        assertThat(host.bean(TenantGuardRefusals.class).take("escapes")).hasSize(6);
    }
}
