package dev.aftersales.testkit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.aftersales.host.AftersalesApplication;
import dev.aftersales.host.data.StatementCounter;
import dev.aftersales.host.plugins.PluginConformance;
import dev.aftersales.host.plugins.PluginRuntime;
import dev.aftersales.host.tenancy.TenantGuardRefusals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Boots a real Aftersales host for plugin tests: embedded MariaDB (or the server in {@code AFTERSALES_TEST_DB_URL}),
 * the plugin jars under test, WireMock standing in for the shop platform and its JWKS, GreenMail as SMTP, and a
 * movable clock. One host per set of jars and JVM; every test gets a fresh {@link TestShop}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final AftersalesHost host = AftersalesHost.withPluginUnderTest();
 *
 * @Test
 * void works(TestShop shop) { shop.enable("my-feature"); ... }
 * }</pre>
 *
 * Before the first test it runs the free checks of every plugin under test ({@link PluginConformance}) and fails
 * with the list of problems; after the last test it fails if the tenant guard refused a statement of a plugin.
 */
public final class AftersalesHost implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    /** System property the plugins parent pom sets to the jar the module just packaged. */
    public static final String PLUGIN_JAR_PROPERTY = "aftersales.testkit.plugin-jar";

    private static final Map<List<Path>, Running> RUNNING = new ConcurrentHashMap<>();
    /** One clock for every host in the JVM: ShedLock keeps its clock in a static. */
    private static final TestClock CLOCK = new TestClock();

    private final List<Path> jars;
    private final Map<String, String> extraProperties;
    private final boolean loadFailuresAllowed;
    private volatile Running running;

    private AftersalesHost(List<Path> jars, Map<String, String> extraProperties, boolean loadFailuresAllowed) {
        this.jars = jars.stream().map(jar -> jar.toAbsolutePath().normalize()).toList();
        this.extraProperties = Map.copyOf(extraProperties);
        this.loadFailuresAllowed = loadFailuresAllowed;
    }

    /** The plugin this Maven module packaged (see {@link #PLUGIN_JAR_PROPERTY}). */
    public static AftersalesHost withPluginUnderTest() {
        String jar = System.getProperty(PLUGIN_JAR_PROPERTY);
        if (jar == null) {
            throw new IllegalStateException("System property " + PLUGIN_JAR_PROPERTY + " is not set: run plugin tests as"
                    + " …IT classes with failsafe (the aftersales-plugins parent pom does), or use withPlugins(jar)");
        }
        return withPlugins(Path.of(jar));
    }

    public static AftersalesHost withPlugins(Path... jars) {
        return new AftersalesHost(Arrays.asList(jars), Map.of(), false);
    }

    /** A host with extra Spring properties, e.g. to change a limit. Hosts with different properties do not share. */
    public AftersalesHost withProperty(String key, String value) {
        Map<String, String> properties = new HashMap<>(extraProperties);
        properties.put(key, value);
        return new AftersalesHost(jars, properties, loadFailuresAllowed);
    }

    /**
     * The same host with the testkit's shop platform loaded: a connector in the test's JVM that answers carts,
     * coupons and fetches and records them; a test switches it on for its shop with {@link TestShop#platform()}.
     */
    public AftersalesHost withTestPlatform() {
        List<Path> withPlatform = new java.util.ArrayList<>(jars);
        withPlatform.add(TestPlatformJar.write());
        return new AftersalesHost(withPlatform, extraProperties, loadFailuresAllowed);
    }

    /** A host that starts even when some of its jars cannot be loaded (tests of broken jars). */
    public AftersalesHost allowingLoadFailures() {
        return new AftersalesHost(jars, extraProperties, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running();
    }

    /**
     * The last free check: no statement of a loaded plugin was refused by the tenant guard while the class ran, even
     * one whose exception the plugin caught. A test that provokes a refusal on purpose takes it with
     * {@code host.bean(TenantGuardRefusals.class).take(pluginId)}.
     */
    @Override
    public void afterAll(ExtensionContext context) {
        if (running == null || "false".equals(extraProperties.get("aftersales.testkit.free-checks"))) {
            return;
        }
        TenantGuardRefusals refusals = bean(TenantGuardRefusals.class);
        List<String> refused = bean(PluginRuntime.class).plugins().stream()
                .flatMap(plugin -> refusals.take(plugin.id()).stream().map(reason -> plugin.id() + ": " + reason))
                .toList();
        if (!refused.isEmpty()) {
            throw new AssertionError("Plugin checks failed: the tenant guard refused statements:\n - "
                    + String.join("\n - ", refused));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == TestShop.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return newShop();
    }

    /** Creates a fresh shop with its own token issuer and admin key. */
    public TestShop newShop() {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 12);
        ShopTokens tokens = new ShopTokens(id, running().platform);
        platformAdmin().execute("""
                mutation($id: ID!, $issuer: String, $jwks: String) {
                  shopCreate(input: {id: $id, name: "Test shop", jwtIssuer: $issuer, jwksUrl: $jwks}) {
                    userErrors { message }
                  }
                }""", Map.of("id", id, "issuer", tokens.issuer(), "jwks", tokens.jwksUrl())).assertNoErrors();
        String key = platformAdmin().execute("""
                mutation($id: ID!) { adminApiKeyCreate(input: {shopId: $id, name: "testkit"}) { key } }""",
                Map.of("id", id)).assertNoErrors().path("adminApiKeyCreate.key").asString();
        return new TestShop(id, this, tokens, key);
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + running().port);
    }

    /** An operator API client with the platform key. */
    public GraphQlClient platformAdmin() {
        return client("/admin/graphql", Map.of("Authorization", "Bearer " + running().platformKey));
    }

    /** The platform operator key, for requests outside the operator API (e.g. the health details). */
    public String platformKey() {
        return running().platformKey;
    }

    public GraphQlClient client(String path, Map<String, String> headers) {
        return new GraphQlClient(baseUrl().resolve(path), headers);
    }

    public TestClock clock() {
        return running().clock;
    }

    public WireMockServer wireMock() {
        return running().platform;
    }

    public GreenMail mail() {
        return running().mail;
    }

    public SqlCounter sqlStatements() {
        return new SqlCounter(bean(StatementCounter.class));
    }

    public Path pluginsDir() {
        return running().pluginsDir;
    }

    /** A bean of the running host, for tests of the host itself. */
    public <T> T bean(Class<T> type) {
        return running().context.getBean(type);
    }

    private Running running() {
        Running current = running;
        if (current == null) {
            current = RUNNING.computeIfAbsent(key(), k -> Running.start(jars, extraProperties, loadFailuresAllowed,
                    databaseName(k)));
            running = current;
        }
        return current;
    }

    private List<Path> key() {
        List<Path> key = new java.util.ArrayList<>(jars);
        extraProperties.forEach((name, value) -> key.add(Path.of("property", name + "=" + value)));
        key.add(Path.of("load-failures-allowed=" + loadFailuresAllowed));
        return key;
    }

    /**
     * Each host configuration gets a database of its own, so hosts with different plugins in one JVM never work on
     * each other's data (their inbox workers would). Hosts that name the same {@code aftersales.testkit.database}
     * property share one, like two instances of one deployment.
     */
    private String databaseName(List<Path> key) {
        String shared = extraProperties.get("aftersales.testkit.database");
        return shared != null ? shared : "aftersales_" + Integer.toHexString(key.hashCode());
    }

    /** One started host with its fakes; stopped when the JVM ends. */
    private record Running(ConfigurableApplicationContext context, int port, String platformKey, TestClock clock,
                           WireMockServer platform, GreenMail mail, Path pluginsDir) {

        static Running start(List<Path> jars, Map<String, String> extraProperties, boolean loadFailuresAllowed,
                             String database) {
            Path pluginsDir = copyJars(jars);
            WireMockServer platform = new WireMockServer(WireMockConfiguration.options().dynamicPort());
            platform.start();
            GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            TestClock clock = CLOCK;
            String platformKey = "pk_test_" + UUID.randomUUID();
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("server.port", "0");
            properties.put("aftersales.plugins-dir", pluginsDir.toString());
            properties.put("aftersales.platform-key", platformKey);
            properties.put("aftersales.link-secret", "testkit-link-secret");
            properties.put("aftersales.jobs.enabled", "false");
            properties.put("aftersales.embedded-db.data-dir", Path.of("target", "testkit-db").toAbsolutePath().toString());
            properties.put("aftersales.embedded-db.database", database);
            properties.put("spring.mail.host", "127.0.0.1");
            properties.put("spring.mail.port", String.valueOf(mail.getSmtp().getPort()));
            // many hosts share one database server in a test JVM: keep each pool small
            properties.put("spring.datasource.hikari.maximum-pool-size", "8");
            properties.put("spring.datasource.hikari.minimum-idle", "1");
            properties.put("logging.level.root", "WARN");
            properties.put("logging.level.dev.aftersales", "INFO");
            String externalDb = System.getenv("AFTERSALES_TEST_DB_URL");
            if (externalDb != null && !externalDb.isBlank()) {
                properties.put("spring.datasource.url", withDatabase(externalDb, database));
                properties.put("spring.datasource.username",
                        System.getenv().getOrDefault("AFTERSALES_TEST_DB_USER", "root"));
                properties.put("spring.datasource.password",
                        System.getenv().getOrDefault("AFTERSALES_TEST_DB_PASSWORD", ""));
            }
            properties.putAll(extraProperties);
            // as command-line arguments, so they win over the host's application.yml
            String[] arguments = properties.entrySet().stream()
                    .map(entry -> "--" + entry.getKey() + "=" + entry.getValue()).toArray(String[]::new);
            ConfigurableApplicationContext context = new SpringApplicationBuilder(AftersalesApplication.class)
                    .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock))
                    .run(arguments);
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            Running running = new Running(context, port, platformKey, clock, platform, mail, pluginsDir);
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "aftersales-testkit-stop"));
            // a host test whose fixture breaks a convention on purpose turns the checks off with this property
            boolean freeChecks = !"false".equals(extraProperties.get("aftersales.testkit.free-checks"));
            List<String> problems = freeChecks
                    ? context.getBean(PluginConformance.class).problems(!loadFailuresAllowed) : List.of();
            if (!problems.isEmpty()) {
                throw new AssertionError("Plugin checks failed:\n - " + String.join("\n - ", problems));
            }
            return running;
        }

        void stop() {
            context.close();
            platform.stop();
            mail.stop();
        }

        /** The URL with its database name replaced: {@code jdbc:mysql://host:3306/x?y} → {@code .../<database>?y}. */
        static String withDatabase(String url, String database) {
            return url.replaceFirst("^(jdbc:[a-z]+://[^/]+/)[^?]*", "$1" + database);
        }

        private static Path copyJars(List<Path> jars) {
            try {
                Path dir = Files.createDirectories(Path.of("target", "testkit-plugins", UUID.randomUUID().toString()))
                        .toAbsolutePath();
                for (Path jar : jars) {
                    Files.copy(jar, dir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot prepare the plugins directory", e);
            }
        }
    }
}
