package dev.aftersales.host.admin;

import static dev.aftersales.host.jooq.Tables.ADMIN_API_KEYS;

import dev.aftersales.host.config.AftersalesProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Admin API keys: 256-bit random, shown once, stored as SHA-256 hashes. */
@Component
public class AdminKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext db;
    private final Clock clock;
    private final byte[] platformKey;

    public AdminKeys(DSLContext db, Clock clock, AftersalesProperties properties) {
        this.db = db;
        this.clock = clock;
        this.platformKey = properties.platformKey().getBytes(StandardCharsets.UTF_8);
    }

    /** The operator a presented key stands for, or empty for an unknown or revoked key. */
    public Optional<Operator> authenticate(String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
        if (platformKey.length > 0 && MessageDigest.isEqual(bytes, platformKey)) {
            return Optional.of(Operator.platform());
        }
        // the lookup is by hash, so comparing hashes leaks nothing useful about the key
        return db.select(ADMIN_API_KEYS.SHOP_ID, ADMIN_API_KEYS.ID).from(ADMIN_API_KEYS)
                .where(ADMIN_API_KEYS.KEY_HASH.eq(hash(presented)).and(ADMIN_API_KEYS.REVOKED_AT.isNull()))
                .fetchOptional(key -> new Operator(key.value1(), key.value2()));
    }

    /** Creates a key for a shop and returns it; only its hash is stored. */
    public String create(String shopId, String name) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String key = "ak_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        db.insertInto(ADMIN_API_KEYS)
                .set(ADMIN_API_KEYS.SHOP_ID, shopId)
                .set(ADMIN_API_KEYS.NAME, name)
                .set(ADMIN_API_KEYS.KEY_HASH, hash(key))
                .set(ADMIN_API_KEYS.KEY_PREFIX, key.substring(0, 10))
                .set(ADMIN_API_KEYS.CREATED_AT, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .execute();
        return key;
    }

    /** A shop's keys, newest first: name, prefix and times, never the key or its hash. */
    public List<Map<String, Object>> list(String shopId) {
        return db.select(ADMIN_API_KEYS.ID, ADMIN_API_KEYS.NAME, ADMIN_API_KEYS.KEY_PREFIX, ADMIN_API_KEYS.CREATED_AT,
                        ADMIN_API_KEYS.REVOKED_AT)
                .from(ADMIN_API_KEYS).where(ADMIN_API_KEYS.SHOP_ID.eq(shopId)).orderBy(ADMIN_API_KEYS.ID.desc())
                .fetch(key -> {
                    Map<String, Object> view = new HashMap<>();
                    view.put("id", key.value1());
                    view.put("name", key.value2());
                    view.put("prefix", key.value3());
                    view.put("createdAt", key.value4());
                    view.put("revokedAt", key.value5());
                    return view;
                });
    }

    /** Revokes a shop's key; false when the shop has no such key or it was revoked already. */
    public boolean revoke(String shopId, long keyId) {
        return db.update(ADMIN_API_KEYS)
                .set(ADMIN_API_KEYS.REVOKED_AT, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .where(ADMIN_API_KEYS.SHOP_ID.eq(shopId).and(ADMIN_API_KEYS.ID.eq(keyId))
                        .and(ADMIN_API_KEYS.REVOKED_AT.isNull()))
                .execute() == 1;
    }

    /** Whether a shop key still works (e.g. for a console session signed in with it earlier). */
    public boolean isActive(long keyId) {
        return db.fetchExists(ADMIN_API_KEYS, ADMIN_API_KEYS.ID.eq(keyId).and(ADMIN_API_KEYS.REVOKED_AT.isNull()));
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
