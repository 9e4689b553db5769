package dev.aftersales.host.webhooks;

import static dev.aftersales.host.jooq.Tables.SHOPS;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.springframework.stereotype.Component;

/**
 * The webhook secrets of each shop: the current one, and after a rotation the previous one for a grace period.
 *
 * <p>Read for every delivery, so they are kept in memory for a few seconds. A delivery that does not match the kept
 * secrets is checked again against the database ({@link #freshSecrets}), so a rotation on another instance never
 * causes a refusal; a secret that was replaced stays accepted here for at most {@link #KEEP} longer.
 */
@Component
public class WebhookSecrets {

    static final Duration KEEP = Duration.ofSeconds(10);

    private final DSLContext db;
    private final Clock clock;
    private final Cache<String, Stored> stored = Caffeine.newBuilder().expireAfterWrite(KEEP).maximumSize(10_000).build();

    public WebhookSecrets(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The secrets valid now, newest first; empty when there is no such shop, an empty list when none is set. */
    public Optional<List<String>> validSecrets(String shopId) {
        Stored secrets = stored.getIfPresent(shopId);
        return secrets != null ? Optional.of(secrets.validAt(clock.instant())) : freshSecrets(shopId);
    }

    /** {@link #validSecrets} read from the database now. */
    public Optional<List<String>> freshSecrets(String shopId) {
        Record3<String, String, LocalDateTime> row = db
                .select(SHOPS.WEBHOOK_SECRET, SHOPS.WEBHOOK_SECRET_PREVIOUS, SHOPS.WEBHOOK_SECRET_PREVIOUS_UNTIL)
                .from(SHOPS).where(SHOPS.ID.eq(shopId)).fetchOne();
        if (row == null) {
            stored.invalidate(shopId);
            return Optional.empty();
        }
        Stored secrets = new Stored(row.value1(), row.value2(), row.value3());
        stored.put(shopId, secrets);
        return Optional.of(secrets.validAt(clock.instant()));
    }

    /** A shop's secret columns as read. */
    private record Stored(String current, String previous, LocalDateTime previousUntil) {

        List<String> validAt(Instant now) {
            List<String> secrets = new ArrayList<>();
            if (current != null) {
                secrets.add(current);
            }
            if (previous != null && previousUntil != null
                    && previousUntil.isAfter(LocalDateTime.ofInstant(now, ZoneOffset.UTC))) {
                secrets.add(previous);
            }
            return secrets;
        }
    }

    /**
     * Sets a new secret; the old one stays valid for {@code grace} so deliveries signed before the platform switched
     * still arrive. Returns the new secret and until when the old one is accepted.
     */
    public Rotation rotate(String shopId, Duration grace) {
        String secret = WebhookSignature.newSecret();
        Instant previousUntil = clock.instant().plus(grace);
        db.update(SHOPS)
                .set(SHOPS.WEBHOOK_SECRET_PREVIOUS, SHOPS.WEBHOOK_SECRET)
                .set(SHOPS.WEBHOOK_SECRET_PREVIOUS_UNTIL, LocalDateTime.ofInstant(previousUntil, ZoneOffset.UTC))
                .set(SHOPS.WEBHOOK_SECRET, secret)
                .where(SHOPS.ID.eq(shopId))
                .execute();
        stored.invalidate(shopId);
        return new Rotation(secret, previousUntil);
    }

    /** Sets a known secret (demo mode), replacing the current one without grace. */
    public void set(String shopId, String secret) {
        db.update(SHOPS).set(SHOPS.WEBHOOK_SECRET, secret).where(SHOPS.ID.eq(shopId)).execute();
        stored.invalidate(shopId);
    }

    public record Rotation(String secret, Instant previousValidUntil) {
    }
}
