package dev.aftersales.host.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a client gets wrong — variable values that cannot be coerced, operation names that do not match, introspection
 * beyond good faith — is answered with a code that names the mistake, never {@code INTERNAL} (reserved for bugs).
 * The inputs are generated: every document with every kind of wrong value.
 */
class ClientMistakesTest {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(FixturePlugins.greeting());

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Values of every JSON kind, most of them wrong for any given variable. */
    private static final List<Object> WRONG_VALUES = Arrays.asList(null, "", "x", "2026-13-45", "1e400", 1.5, -1,
            4_294_967_296L, Long.MAX_VALUE, 1e300, true, false, List.of(), List.of(1, "a"), Map.of(),
            Map.of("message", 1), Map.of("message", "hi", "unknown", 1), Map.of("message", Map.of()),
            nullMessage(), "{ __typename }");

    private TestShop shop;

    @BeforeEach
    void shop() {
        shop = host.newShop().enable("greeting");
        shop.catalog().variant("v-1", "Jacket", "M", "49.90", 3);
    }

    @Test
    void wrongVariableValuesAreNeverInternal() {
        List<String> documents = List.of(
                "query Variant($id: ID!) { variant(id: $id) { id } }",
                "query Greeting($name: String) { greeting(name: $name) }",
                "query Greeting($name: String!) { greeting(name: $name) }",
                "query Page($first: Int) { greetings(first: $first) { edges { cursor } } }",
                "query Page($first: Int!, $after: String) { greetings(first: $first, after: $after) { edges { cursor } } }",
                "mutation Set($input: GreetingSetInput!) { greetingSet(input: $input) { message } }",
                "query Flag($on: Boolean!) { greeting @include(if: $on) }");
        List<String> problems = new ArrayList<>();
        for (String document : documents) {
            String variable = document.substring(document.indexOf('$') + 1, document.indexOf(':'));
            for (Object value : WRONG_VALUES) {
                Map<String, Object> variables = new HashMap<>();
                variables.put(variable, value);
                check(shop.storefront().execute(document, variables), document + " with " + variables, problems);
            }
            check(shop.storefront().execute(document, Map.of()), document + " without variables", problems);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void operationNamesThatDoNotMatchAreNeverInternal() {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("query A { greeting }", Arrays.asList("B", "", " ", "a", "A B", null));
        cases.put("query A { greeting } query B { __typename }", Arrays.asList(null, "", "C"));
        cases.put("{ greeting }", Arrays.asList("A", ""));
        cases.put("{ greeting } { __typename }", Arrays.asList(null, "A"));
        cases.put("mutation A { greetingSet(input: {message: \"hi\"}) { message } }", Arrays.asList("B", "a"));
        cases.put("subscription A { greeting }", Arrays.asList("A", null));
        cases.forEach((document, names) -> {
            for (String name : names) {
                Map<String, Object> body = new HashMap<>();
                body.put("query", document);
                body.put("operationName", name);
                check(shop.storefront().post(JSON.writeValueAsString(body)), document + " as " + name, problems);
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void introspectionBeyondGoodFaithIsNeverInternal() {
        List<String> problems = new ArrayList<>();
        String nested = "name";
        for (int level = 0; level < 8; level++) {
            nested = "fields { type { " + nested + " } }";
            check(shop.storefront().execute("{ __schema { types { " + nested + " } } }"), "depth " + level, problems);
            check(shop.storefront().execute("{ __type(name: \"Query\") { " + nested + " } }"), "type " + level,
                    problems);
        }
        check(shop.storefront().execute("{ a: __schema { types { name } } b: __schema { types { name } } "
                + "c: __schema { types { name } } }"), "aliased __schema", problems);
        check(shop.storefront().execute("{ __type(name: 1) { name } }"), "__type with a number", problems);
        check(shop.storefront().execute("query T($n: String!) { __type(name: $n) { name } }", Map.of("n", 5)),
                "__type with a number variable", problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void theOperatorApiClassifiesWrongValuesToo() {
        List<String> problems = new ArrayList<>();
        for (Object value : WRONG_VALUES) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("id", value);
            check(host.platformAdmin().execute("query Shop($id: ID!) { shop(id: $id) { id } }", variables),
                    "shop " + variables, problems);
        }
        assertThat(problems).isEmpty();
    }

    /** A mistake answers 4xx or 200, and every error names a code other than INTERNAL. */
    private static void check(GraphQlResult result, String input, List<String> problems) {
        for (JsonNode error : result.errors()) {
            String code = error.path("extensions").path("code").asString(null);
            if (code == null || "INTERNAL".equals(code)) {
                problems.add(input + " -> " + error);
            }
        }
        if (result.status() >= 500) {
            problems.add(input + " -> HTTP " + result.status());
        }
    }

    private static Map<String, Object> nullMessage() {
        Map<String, Object> input = new HashMap<>();
        input.put("message", null);
        return input;
    }
}
