package dev.aftersales.host.http;

import dev.aftersales.host.data.DatabaseCircuit;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultGraphQlRequest;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over HTTP as the spec describes it (graphql-http's audit passes): {@code POST} with a JSON body, {@code GET}
 * with URL parameters for queries (a mutation over {@code GET} is refused with {@code 405}), automatic persisted
 * queries, {@code application/graphql-response+json} (a request error answers {@code 400}) or {@code application/json}
 * (a GraphQL result answers {@code 200}). Everything that fails before or around execution is a GraphQL-shaped error
 * with {@code extensions.code}; a database outage is {@code 503} with {@code Retry-After}.
 */
public final class GraphQlHttpEndpoint {

    static final MediaType GRAPHQL_RESPONSE = new MediaType("application", "graphql-response+json",
            StandardCharsets.UTF_8);
    static final MediaType JSON_UTF8 = new MediaType("application", "json", StandardCharsets.UTF_8);

    private final WebGraphQlHandler handler;
    private final boolean allowGet;
    private final PersistedQueries persistedQueries;
    private final JsonMapper json;
    private final HttpProperties properties;
    private final DatabaseCircuit database;

    public GraphQlHttpEndpoint(WebGraphQlHandler handler, boolean allowGet, PersistedQueries persistedQueries,
                               JsonMapper json, HttpProperties properties, DatabaseCircuit database) {
        this.handler = handler;
        this.allowGet = allowGet;
        this.persistedQueries = persistedQueries;
        this.json = json;
        this.properties = properties;
        this.database = database;
    }

    /** The methods this endpoint answers, for {@code Allow}. */
    public String allowedMethods() {
        return allowGet ? "GET, POST" : "POST";
    }

    public ServerResponse handle(ServerRequest request) {
        MediaType responseType = responseType(request);
        try {
            Map<String, Object> parameters = request.method() == HttpMethod.GET ? fromUrl(request) : fromBody(request);
            Map<String, Object> extensions = map(parameters, "extensions");
            Map<String, Object> variables = map(parameters, "variables");
            String operationName = string(parameters, "operationName");
            String document = persistedQueries.resolve(string(parameters, "query"), extensions);
            if (document == null) {
                throw new Refusal(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "The request needs a 'query' string");
            }
            if (request.method() == HttpMethod.GET && !isQuery(document, operationName)) {
                throw new Refusal(new HttpFailure(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED",
                        "Only queries may be sent with GET; send mutations with POST"), "POST");
            }
            WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(),
                    cookies(request), request.remoteAddress().orElse(null), request.attributes(),
                    new DefaultGraphQlRequest(document, operationName, variables, extensions),
                    UUID.randomUUID().toString(), LocaleContextHolder.getLocale());
            Mono<ServerResponse> response = handler.handleRequest(graphQlRequest)
                    .map(result -> answer(request, responseType, result))
                    .onErrorResume(e -> Mono.just(failure(responseType, HttpFailure.of(e, database.retryAfter()), null)));
            return ServerResponse.async(response.toFuture());
        } catch (Refusal refusal) {
            return failure(responseType, refusal.failure, refusal.allow);
        } catch (PersistedQueries.Refused refused) {
            return failure(responseType, refused.failure(), null);
        } catch (RuntimeException e) {
            return failure(responseType, HttpFailure.of(e, database.retryAfter()), null);
        }
    }

    private ServerResponse answer(ServerRequest request, MediaType responseType, WebGraphQlResponse result) {
        List<String> codes = result.getErrors().stream().map(GraphQlHttpEndpoint::code).toList();
        HttpStatus status = HttpStatus.OK;
        if (codes.contains("SERVICE_UNAVAILABLE")) {
            status = HttpStatus.SERVICE_UNAVAILABLE;
        } else if (!result.isValid() && GRAPHQL_RESPONSE.equalsTypeAndSubtype(responseType)) {
            status = HttpStatus.BAD_REQUEST;
        }
        ServerResponse.BodyBuilder builder = ServerResponse.status(status).contentType(responseType)
                .headers(headers -> headers.putAll(result.getResponseHeaders()));
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            builder.header(HttpHeaders.RETRY_AFTER, HttpFailure.seconds(database.retryAfter()));
        }
        if (request.method() == HttpMethod.GET) {
            builder.header(HttpHeaders.CACHE_CONTROL, cacheControl(request, status, codes));
            builder.header(HttpHeaders.VARY, "Accept, Authorization, X-Shop-Id");
        }
        return builder.body(result.toMap());
    }

    /** Only successful answers to guests may be kept by a CDN; a customer's answer stays private. */
    private String cacheControl(ServerRequest request, HttpStatus status, List<String> codes) {
        Duration maxAge = properties.getCacheMaxAge();
        boolean guest = request.headers().firstHeader(HttpHeaders.AUTHORIZATION) == null
                && request.headers().firstHeader(HttpHeaders.COOKIE) == null;
        if (status != HttpStatus.OK || !codes.isEmpty() || !guest || maxAge.isZero()) {
            return guest && status == HttpStatus.OK && codes.isEmpty() ? "no-cache" : "private, no-store";
        }
        return "public, max-age=" + maxAge.toSeconds();
    }

    private static String code(ResponseError error) {
        Object code = error.getExtensions().get("code");
        return code == null ? "" : code.toString();
    }

    /** Writes a failure the way the GraphQL endpoints answer it, also for requests no endpoint matched. */
    public static ServerResponse failure(ServerRequest request, HttpFailure failure, String allow) {
        return failure(responseType(request), failure, allow);
    }

    private static ServerResponse failure(MediaType responseType, HttpFailure failure, String allow) {
        ServerResponse.BodyBuilder builder = ServerResponse.status(failure.status()).contentType(responseType)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (failure.retryAfter() != null) {
            builder.header(HttpHeaders.RETRY_AFTER, HttpFailure.seconds(failure.retryAfter()));
        }
        if (allow != null) {
            builder.header(HttpHeaders.ALLOW, allow);
        }
        return builder.body(failure.body());
    }

    /** {@code application/graphql-response+json} when the client asks for it, else {@code application/json}. */
    private static MediaType responseType(ServerRequest request) {
        List<MediaType> accepted;
        try {
            accepted = new ArrayList<>(request.headers().accept());
        } catch (InvalidMediaTypeException e) {
            return JSON_UTF8;
        }
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : accepted) {
            if (type.getQualityValue() > 0 && GRAPHQL_RESPONSE.equalsTypeAndSubtype(type)) {
                return GRAPHQL_RESPONSE;
            }
            if (type.getQualityValue() > 0 && type.includes(MediaType.APPLICATION_JSON)) {
                return JSON_UTF8;
            }
        }
        return JSON_UTF8;
    }

    private Map<String, Object> fromUrl(ServerRequest request) throws Refusal {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (String name : List.of("query", "operationName")) {
            request.param(name).ifPresent(value -> parameters.put(name, value));
        }
        for (String name : List.of("variables", "extensions")) {
            Optional<String> value = request.param(name);
            if (value.isPresent() && !value.get().isEmpty()) {
                parameters.put(name, parseJson(value.get().getBytes(StandardCharsets.UTF_8), "'" + name + "'"));
            }
        }
        return parameters;
    }

    private Map<String, Object> fromBody(ServerRequest request) throws Refusal {
        MediaType contentType;
        try {
            contentType = request.headers().contentType().orElse(null);
        } catch (InvalidMediaTypeException e) {
            contentType = null;
        }
        if (contentType == null || !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(contentType)
                || (contentType.getCharset() != null && !StandardCharsets.UTF_8.equals(contentType.getCharset()))) {
            throw new Refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    "Send the request as 'Content-Type: application/json' (UTF-8)");
        }
        byte[] body;
        try {
            body = request.servletRequest().getInputStream().readAllBytes();
        } catch (PayloadTooLargeException e) {
            throw new Refusal(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", e.getMessage());
        } catch (IOException e) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "The request body could not be read");
        }
        if (body.length == 0) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "The request has no body; send a JSON object "
                    + "with 'query'");
        }
        Object parsed = parseJson(body, "The request body");
        if (parsed instanceof List<?>) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "BAD_REQUEST",
                    "Batched requests (a JSON array) are not supported; send one operation per request");
        }
        if (!(parsed instanceof Map<?, ?>)) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "The request body must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> parameters = (Map<String, Object>) parsed;
        return parameters;
    }

    private Object parseJson(byte[] text, String what) throws Refusal {
        try {
            JsonNode node = json.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new Refusal(HttpStatus.BAD_REQUEST, "BAD_REQUEST", what + " is empty");
            }
            return json.treeToValue(node, Object.class);
        } catch (JacksonException e) {
            throw new Refusal(HttpStatus.BAD_REQUEST, "BAD_REQUEST", what + " is not valid UTF-8 JSON: "
                    + e.getOriginalMessage());
        }
    }

    private static String string(Map<String, Object> parameters, String name) throws Refusal {
        Object value = parameters.get(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new Refusal(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "'" + name + "' must be a string");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parameters, String name) throws Refusal {
        Object value = parameters.get(name);
        if (value == null || value instanceof Map<?, ?>) {
            return (Map<String, Object>) value;
        }
        throw new Refusal(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "'" + name + "' must be a JSON object");
    }

    /** Whether the operation to run is a query; a document that does not parse is left to GraphQL to report. */
    private static boolean isQuery(String document, String operationName) {
        Document parsed;
        try {
            parsed = Parser.parse(document);
        } catch (RuntimeException e) {
            return true;
        }
        List<OperationDefinition> operations = parsed.getDefinitionsOfType(OperationDefinition.class);
        return operations.stream()
                .filter(operation -> operationName == null ? operations.size() == 1
                        : operationName.equals(operation.getName()))
                .findFirst()
                .map(operation -> operation.getOperation() == OperationDefinition.Operation.QUERY)
                .orElse(true);
    }

    private static MultiValueMap<String, HttpCookie> cookies(ServerRequest request) {
        MultiValueMap<String, HttpCookie> cookies = new LinkedMultiValueMap<>();
        request.cookies().forEach((name, values) -> {
            for (Cookie cookie : values) {
                cookies.add(name, new HttpCookie(cookie.getName(), cookie.getValue()));
            }
        });
        return cookies;
    }

    /** A request refused before GraphQL runs. */
    private static final class Refusal extends Exception {

        private final transient HttpFailure failure;
        private final String allow;

        Refusal(HttpStatus status, String code, String message) {
            this(new HttpFailure(status, code, message), null);
        }

        Refusal(HttpFailure failure, String allow) {
            super(failure.message(), null, false, false);
            this.failure = failure;
            this.allow = allow;
        }
    }
}
