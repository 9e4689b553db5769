package dev.aftersales.host.holdout;

import static dev.aftersales.host.jooq.Tables.HOLDOUT_DRAWS;
import static dev.aftersales.host.jooq.Tables.HOLDOUT_FEATURES;

import dev.aftersales.host.jooq.tables.records.HoldoutDrawsRecord;
import dev.aftersales.host.notify.outbox.Outbox;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The draws of each shop's and feature's holdout group. Setting another share, or re-drawing, ends the current draw
 * and starts the next with a new salt, so a report never mixes customers assigned under different rules.
 */
@Component
public class HoldoutDraws {

    static final int MAX_SHARE_PERCENT = 50;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext db;
    private final Clock clock;

    HoldoutDraws(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The draw in force with its salt, if the operator ever set a share for the feature. */
    Optional<HoldoutDrawsRecord> current(String shopId, String featureId) {
        return db.selectFrom(HOLDOUT_DRAWS)
                .where(HOLDOUT_DRAWS.SHOP_ID.eq(shopId).and(HOLDOUT_DRAWS.FEATURE_ID.eq(featureId))
                        .and(HOLDOUT_DRAWS.ENDED_AT.isNull()))
                .fetchOptional();
    }

    /** The current draw of every feature of the shop, by feature id. */
    public List<HoldoutDraw> currentOfShop(String shopId) {
        return db.selectFrom(HOLDOUT_DRAWS)
                .where(HOLDOUT_DRAWS.SHOP_ID.eq(shopId).and(HOLDOUT_DRAWS.ENDED_AT.isNull()))
                .orderBy(HOLDOUT_DRAWS.FEATURE_ID)
                .fetch(HoldoutDraws::draw);
    }

    /** Every draw of a feature, newest first. */
    public List<HoldoutDraw> history(String shopId, String featureId) {
        return db.selectFrom(HOLDOUT_DRAWS)
                .where(HOLDOUT_DRAWS.SHOP_ID.eq(shopId).and(HOLDOUT_DRAWS.FEATURE_ID.eq(featureId)))
                .orderBy(HOLDOUT_DRAWS.DRAW_NO.desc())
                .fetch(HoldoutDraws::draw);
    }

    /**
     * Sets the share held out (0 to {@value #MAX_SHARE_PERCENT}); starts a new draw when the share changes or
     * {@code redraw} asks for one, otherwise changes nothing (a repeated request is harmless). Concurrent calls queue
     * on the feature's row, which an upsert creates and locks at once (no gap locks, no deadlock).
     */
    public HoldoutDraw set(String shopId, String featureId, int sharePercent, boolean redraw) {
        if (sharePercent < 0 || sharePercent > MAX_SHARE_PERCENT) {
            throw new IllegalArgumentException("The share must lie between 0 and " + MAX_SHARE_PERCENT + " percent");
        }
        return db.transactionResult(tx -> {
            DSLContext dsl = tx.dsl();
            dsl.insertInto(HOLDOUT_FEATURES).set(HOLDOUT_FEATURES.SHOP_ID, shopId)
                    .set(HOLDOUT_FEATURES.FEATURE_ID, featureId)
                    .onDuplicateKeyUpdate().set(HOLDOUT_FEATURES.FEATURE_ID, featureId)
                    .execute();
            Optional<HoldoutDrawsRecord> current = dsl.selectFrom(HOLDOUT_DRAWS)
                    .where(HOLDOUT_DRAWS.SHOP_ID.eq(shopId).and(HOLDOUT_DRAWS.FEATURE_ID.eq(featureId))
                            .and(HOLDOUT_DRAWS.ENDED_AT.isNull()))
                    .fetchOptional();
            if (current.isPresent() && !redraw && current.get().getSharePercent() == sharePercent) {
                return draw(current.get());
            }
            LocalDateTime now = Outbox.utc(clock.instant());
            current.ifPresent(row -> dsl.update(HOLDOUT_DRAWS).set(HOLDOUT_DRAWS.ENDED_AT, now)
                    .where(HOLDOUT_DRAWS.SHOP_ID.eq(shopId).and(HOLDOUT_DRAWS.FEATURE_ID.eq(featureId))
                            .and(HOLDOUT_DRAWS.DRAW_NO.eq(row.getDrawNo())))
                    .execute());
            int drawNo = current.map(row -> row.getDrawNo() + 1).orElse(1);
            byte[] salt = new byte[32];
            RANDOM.nextBytes(salt);
            HoldoutDrawsRecord next = new HoldoutDrawsRecord(shopId, featureId, drawNo, sharePercent,
                    HexFormat.of().formatHex(salt), now, null);
            // a plain INSERT: a record's insert() asks for RETURNING, which MariaDB refuses through Connector/J
            dsl.insertInto(HOLDOUT_DRAWS).set(next).execute();
            return draw(next);
        });
    }

    /** The features of the shop that ever had a draw. */
    List<String> features(String shopId) {
        return db.select(HOLDOUT_FEATURES.FEATURE_ID).from(HOLDOUT_FEATURES)
                .where(HOLDOUT_FEATURES.SHOP_ID.eq(shopId))
                .orderBy(HOLDOUT_FEATURES.FEATURE_ID)
                .fetch(HOLDOUT_FEATURES.FEATURE_ID);
    }

    private static HoldoutDraw draw(HoldoutDrawsRecord row) {
        return new HoldoutDraw(row.getFeatureId(), row.getDrawNo(), row.getSharePercent(),
                Outbox.instant(row.getStartedAt()), Outbox.instant(row.getEndedAt()));
    }
}
