package dev.aftersales.host.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Automatic persisted queries (Apollo's protocol): a client sends {@code extensions.persistedQuery.sha256Hash}
 * without the document; when the host does not know the hash it answers {@code PERSISTED_QUERY_NOT_FOUND} and the
 * client sends hash and document once, which the host checks and keeps.
 *
 * <p>One cache for all shops, bounded by the total size of the documents. It holds only documents whose hash was
 * verified, so a hash names exactly one document; what a document returns is decided when it runs, with the
 * caller's shop, schema and token — a cached document gives nobody access to anything.
 */
@Component
public class PersistedQueries {

    private static final HexFormat HEX = HexFormat.of();

    private final Cache<String, String> documents;

    public PersistedQueries(HttpProperties properties) {
        this.documents = Caffeine.newBuilder()
                .maximumWeight(properties.persistedQueriesMaxSize().toBytes())
                .weigher((String hash, String document) -> hash.length() + document.length())
                .build();
    }

    /**
     * The document to run: the one sent (kept under its hash when the request names one) or the one kept for the hash.
     *
     * @throws Refused when the hash is malformed, does not match the document, or is unknown
     */
    public String resolve(String document, Map<?, ?> extensions) throws Refused {
        Object persisted = extensions == null ? null : extensions.get("persistedQuery");
        if (persisted == null) {
            return document;
        }
        if (!(persisted instanceof Map<?, ?> query) || !Integer.valueOf(1).equals(asInt(query.get("version")))
                || !(query.get("sha256Hash") instanceof String hash) || !hash.matches("[0-9a-fA-F]{64}")) {
            throw new Refused(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "extensions.persistedQuery needs version 1 and "
                    + "a sha256Hash of 64 hex digits");
        }
        String key = hash.toLowerCase(java.util.Locale.ROOT);
        if (document == null) {
            String known = documents.getIfPresent(key);
            if (known == null) {
                throw new Refused(HttpStatus.OK, "PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound");
            }
            return known;
        }
        if (!sha256(document).equals(key)) {
            throw new Refused(HttpStatus.BAD_REQUEST, "BAD_REQUEST",
                    "extensions.persistedQuery.sha256Hash is not the SHA-256 of the query");
        }
        documents.put(key, document);
        return document;
    }

    private static Integer asInt(Object value) {
        return value instanceof Number number && number.doubleValue() == number.intValue() ? number.intValue() : null;
    }

    static String sha256(String document) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A persisted-query request the host cannot serve. */
    public static final class Refused extends Exception {

        private final transient HttpFailure failure;

        Refused(HttpStatus status, String code, String message) {
            super(message, null, false, false);
            this.failure = new HttpFailure(status, code, message);
        }

        public HttpFailure failure() {
            return failure;
        }
    }
}
