package dev.aftersales.host.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class QueryLimitsTest {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(FixturePlugins.greeting());

    private TestShop shop;

    @BeforeEach
    void shopWithACatalog() {
        shop = host.newShop().enable("greeting");
        shop.catalog().variant("v-1", "Jacket", "M", "49.90", 3);
    }

    @Test
    void depthTenPassesAndElevenIsRefused() {
        assertThat(shop.storefront().execute(nested(10)).errors()).isEmpty();

        GraphQlResult tooDeep = shop.storefront().execute(nested(11));
        assertThat(tooDeep.errorCodes()).containsExactly("QUERY_TOO_DEEP");
        assertThat(tooDeep.json().path("data").isNull() || tooDeep.json().path("data").isMissingNode()).isTrue();
    }

    @Test
    void tenAliasesPassAndElevenAreRefused() {
        assertThat(shop.storefront().execute(aliases(10)).errors()).isEmpty();
        assertThat(shop.storefront().execute(aliases(11)).errorCodes()).containsExactly("TOO_MANY_ALIASES");
    }

    @Test
    void listsTakeFirstBetweenOneAndAHundred() {
        assertThat(shop.storefront().execute("{ greetings(first: 100) { edges { cursor } } }").errors()).isEmpty();
        assertThat(shop.storefront().execute("{ greetings(first: 101) { edges { cursor } } }").errorCodes())
                .containsExactly("BAD_REQUEST");
        assertThat(shop.storefront().execute("{ greetings(first: 0) { edges { cursor } } }").errorCodes())
                .containsExactly("BAD_REQUEST");
    }

    @Test
    void aRefusedRequestRunsNoDataFetcher() {
        long baseline = host.sqlStatements().count(() -> shop.storefront().execute("{ __typename }"));
        long refused = host.sqlStatements().count(() -> shop.storefront()
                .execute("{ greetings(first: 101) { edges { node { message } } } greeting }"));

        assertThat(refused).isEqualTo(baseline);
    }

    @Test
    void tooCostlyQueriesAreRefused() {
        // each copy costs 1 + 100 x 7 = 701: seven fit into the budget of 5000, eight do not
        String page = "greetings(first: 100) { edges { node { message } cursor } pageInfo { hasNextPage endCursor } }";
        assertThat(shop.storefront().execute("{ " + aliasesOf(page, 7) + " }").errors()).isEmpty();

        GraphQlResult result = shop.storefront().execute("{ " + aliasesOf(page, 8) + " }");

        assertThat(result.errorCodes()).containsExactly("QUERY_TOO_COMPLEX");
        assertThat(result.errors().getFirst().path("message").asString()).contains("5608").contains("5000");
    }

    @Test
    void anOmittedFirstCostsTheSchemaDefaultOfTwenty() {
        // ten lists of ten aliased edge lists: 10 x (1 + 20 x 10 x 4) = 8010 with first's default of 20
        // (410 if an omitted first counted as 1)
        String omitted = "{ " + aliasesOf("greetings { " + aliasesOf("edges { cursor node { message } }", 10) + "}", 10)
                + " }";

        GraphQlResult result = shop.storefront().execute(omitted);

        assertThat(result.errorCodes()).containsExactly("QUERY_TOO_COMPLEX");
        assertThat(result.errors().getFirst().path("message").asString()).contains("8010");
    }

    @Test
    void aVariableThatIsNotSentCostsTheSchemaDefault() {
        String viaVariable = "query Page($first: Int) { " + aliasesOf("greetings(first: $first) { "
                + aliasesOf("edges { cursor node { message } }", 10) + "}", 10) + " }";

        assertThat(shop.storefront().execute(viaVariable).errorCodes()).containsExactly("QUERY_TOO_COMPLEX");
        assertThat(shop.storefront().execute(viaVariable, java.util.Map.of("first", 1)).errors()).isEmpty();
    }

    @Test
    void batchedJsonArraysAreRejected() {
        GraphQlResult result = shop.storefront().post("[{\"query\": \"{ __typename }\"}, {\"query\": \"{ __typename }\"}]");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.errorCodes()).containsExactly("BAD_REQUEST");
    }

    @Test
    void malformedGraphQlGetsAParseError() {
        GraphQlResult result = shop.storefront().execute("{ viewer { id ");

        assertThat(result.errorCodes()).containsExactly("GRAPHQL_PARSE_FAILED");
    }

    @Test
    void unknownFieldsGetAValidationError() {
        assertThat(shop.storefront().execute("{ nothingHere }").errorCodes())
                .containsExactly("GRAPHQL_VALIDATION_FAILED");
    }

    /** {@code variant { product { variants { product { ... { name } } } } }} with {@code depth} levels. */
    private static String nested(int depth) {
        StringBuilder query = new StringBuilder("{ variant(id: \"v-1\") {");
        int level = 1;
        boolean product = true;
        while (level < depth - 1) {
            query.append(product ? " product {" : " variants {");
            product = !product;
            level++;
        }
        query.append(" name");
        query.append(" }".repeat(depth - 1)).append(" }");
        return query.toString();
    }

    private static String aliases(int count) {
        return "{ " + aliasesOf("greeting", count) + " }";
    }

    private static String aliasesOf(String field, int count) {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < count; i++) {
            query.append("a").append(i).append(": ").append(field).append(' ');
        }
        return query.toString();
    }
}
