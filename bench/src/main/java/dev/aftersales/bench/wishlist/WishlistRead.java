package dev.aftersales.bench.wishlist;

import dev.aftersales.bench.BenchHost;
import dev.aftersales.bench.Figure;
import dev.aftersales.bench.Options;
import dev.aftersales.bench.Report;
import dev.aftersales.bench.Samples;
import dev.aftersales.bench.load.LoadDriver;
import dev.aftersales.bench.load.LoadResult;
import dev.aftersales.testkit.TestShop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Figure 1 (and the client half of figure 5): the wishlist page query through {@code /graphql} against the
 * hand-written MVC endpoint (same statements, the stack's limit) and graphql-java on in-memory data (the GraphQL
 * limit), each with a random customer of a sample per request. Before measuring, all three must answer the same JSON.
 */
public final class WishlistRead implements Figure {

    public static final String QUERY = "{ viewer { wishlists(first: 5) { nodes { id name items(first: 50) { nodes {"
            + " id quantity variant { name price { amount currencyCode } inStock } } } } } } }";
    /** Customers a run picks from (each has a token minted up front; signing is not part of the measurement). */
    private static final int SAMPLE = 2_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String name() {
        return "wishlist";
    }

    @Override
    public Report run(BenchHost bench, Options options) {
        TestShop shop = bench.newShop();
        long seedStart = System.nanoTime();
        new WishlistData(bench.sql(), shop.id()).seed(options.customers());
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        Random random = new Random(7);
        List<String> customers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < Math.min(SAMPLE, options.customers()); i++) {
            String customer = WishlistData.customer(1 + random.nextInt(options.customers()));
            customers.add(customer);
            tokens.add(shop.customerToken(customer));
        }
        bench.bean(InMemoryWishlistGraphQl.class).load(shop.id(), customers);

        URI base = bench.host().baseUrl();
        byte[] body = JSON.writeValueAsBytes(Map.of("query", QUERY));
        List<Endpoint> endpoints = List.of(
                new Endpoint("GraphQL /graphql (host, wishlist plugin)", base.resolve("/graphql")),
                new Endpoint("hand-written Spring MVC, same statements", base.resolve(HandWrittenWishlistEndpoint.PATH)),
                new Endpoint("graphql-java on in-memory data", base.resolve(InMemoryWishlistGraphQl.PATH)));
        for (int i = 0; i < 3; i++) {
            sameAnswers(endpoints, shop.id(), tokens.get(i), body);
        }

        LoadDriver driver = new LoadDriver();
        LoadDriver.ClientRequests[] requests = endpoints.stream().map(endpoint -> (LoadDriver.ClientRequests)
                (client, n) -> request(endpoint.uri(), shop.id(),
                        tokens.get(ThreadLocalRandom.current().nextInt(tokens.size())), body))
                .toArray(LoadDriver.ClientRequests[]::new);
        for (LoadDriver.ClientRequests warmUp : requests) {
            driver.run(32, options.warmUp(), Duration.ZERO, warmUp, WishlistRead::answered);
        }

        Report report = new Report("Wishlist read", "./aftersales bench wishlist " + options.describe(),
                bench.machine(), String.format(Locale.ROOT, "%,d customers × %d lists × %d items (seeded in %.1f s);"
                        + " each request reads a random one of %,d customers. Medians of %d runs of %d s after a"
                        + " %d s warm-up per endpoint; the endpoints take turns within each run.",
                        options.customers(), WishlistData.LISTS_PER_CUSTOMER, WishlistData.ITEMS_PER_LIST,
                        seedSeconds, tokens.size(), options.runs(), options.measure().toSeconds(),
                        options.warmUp().toSeconds()));
        for (int clients : options.clients()) {
            List<Samples[]> perEndpoint = new ArrayList<>();
            endpoints.forEach(endpoint -> perEndpoint.add(new Samples[] {
                    new Samples(), new Samples(), new Samples(), new Samples(), new Samples()}));
            for (int run = 0; run < options.runs(); run++) {
                double baseline = 0;
                for (int e = 0; e < endpoints.size(); e++) {
                    LoadResult result = driver.run(clients, Duration.ofSeconds(1), options.measure(),
                            requests[e], WishlistRead::answered);
                    Samples[] samples = perEndpoint.get(e);
                    samples[0].add(result.perSecond());
                    samples[1].add(result.p50Millis());
                    samples[2].add(result.p99Millis());
                    samples[3].add(result.errors());
                    if (e == 1) {
                        baseline = result.perSecond();
                    }
                }
                // ratio within the run, against the hand-written endpoint of the same run
                perEndpoint.get(0)[4].add(perEndpoint.get(0)[0].last() / baseline);
                perEndpoint.get(2)[4].add(perEndpoint.get(2)[0].last() / baseline);
            }
            Report.Table table = report.table(clients + " clients", "req/s", "p50 ms", "p99 ms", "errors",
                    "req/s vs hand-written");
            for (int e = 0; e < endpoints.size(); e++) {
                Samples[] samples = perEndpoint.get(e);
                table.row(endpoints.get(e).name(), samples[0].summary(), samples[1].summary(), samples[2].summary(),
                        samples[3].summary(), e == 1 ? "1" : samples[4].summary());
                String key = List.of("graphql", "handwritten", "inmemory").get(e) + "@" + clients;
                report.metric(key + ".rps", samples[0]);
                report.metric(key + ".p99", samples[2]);
                report.metric(key + ".errors", samples[3]);
            }
            table.end();
        }
        return report;
    }

    /** Fails the figure unless the three endpoints give the customer the same JSON. */
    private static void sameAnswers(List<Endpoint> endpoints, String shopId, String token, byte[] body) {
        HttpClient http = HttpClient.newHttpClient();
        JsonNode expected = null;
        for (Endpoint endpoint : endpoints) {
            try {
                HttpResponse<String> response = http.send(request(endpoint.uri(), shopId, token, body),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                JsonNode answer = JSON.readTree(response.body());
                if (response.statusCode() != 200 || answer.has("errors")
                        || answer.path("data").path("viewer").path("wishlists").path("nodes").isEmpty()) {
                    throw new IllegalStateException(endpoint.name() + " answered " + response.statusCode() + ": "
                            + response.body());
                }
                if (expected != null && !expected.equals(answer)) {
                    throw new IllegalStateException(endpoint.name() + " answers differently from "
                            + endpoints.getFirst().name() + ":\n" + expected + "\n" + answer);
                }
                expected = answer;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static HttpRequest request(URI uri, String shopId, String token, byte[] body) {
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("X-Shop-Id", shopId)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    /** 200 with data and without GraphQL errors. */
    private static boolean answered(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            return false;
        }
        byte[] body = response.body();
        // an error-free answer starts with {"data": and has no "errors" member; checking the head is enough
        return body.length > 8 && body[2] == 'd' && !new String(body, 0, Math.min(body.length, 64),
                StandardCharsets.US_ASCII).contains("\"errors\"");
    }

    private record Endpoint(String name, URI uri) {
    }
}
