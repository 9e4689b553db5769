package dev.aftersales.host.webhooks;

import static dev.aftersales.host.jooq.Tables.SHOPS;

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

/** The webhook secrets of each shop: the current one, and after a rotation the previous one for a grace period. */
@Component
public class WebhookSecrets {

    private final DSLContext db;
    private final Clock clock;

    public WebhookSecrets(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The secrets valid now, newest first; empty when there is no such shop, an empty list when none is set. */
    public Optional<List<String>> validSecrets(String shopId) {
        Record3<String, String, LocalDateTime> row = db
                .select(SHOPS.WEBHOOK_SECRET, SHOPS.WEBHOOK_SECRET_PREVIOUS, SHOPS.WEBHOOK_SECRET_PREVIOUS_UNTIL)
                .from(SHOPS).where(SHOPS.ID.eq(shopId)).fetchOne();
        if (row == null) {
            return Optional.empty();
        }
        List<String> secrets = new ArrayList<>();
        if (row.value1() != null) {
            secrets.add(row.value1());
        }
        if (row.value2() != null && row.value3() != null
                && row.value3().isAfter(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))) {
            secrets.add(row.value2());
        }
        return Optional.of(secrets);
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
        return new Rotation(secret, previousUntil);
    }

    /** Sets a known secret (demo mode), replacing the current one without grace. */
    public void set(String shopId, String secret) {
        db.update(SHOPS).set(SHOPS.WEBHOOK_SECRET, secret).where(SHOPS.ID.eq(shopId)).execute();
    }

    public record Rotation(String secret, Instant previousValidUntil) {
    }
}
