package dev.aftersales.plugins.referral;

import static dev.aftersales.plugins.referral.jooq.Tables.REFERRAL_FRIEND;
import static dev.aftersales.plugins.referral.jooq.Tables.REFERRAL_CODE;
import static dev.aftersales.plugins.referral.jooq.Tables.REFERRAL_REFERRER_DEVICE;
import static dev.aftersales.plugins.referral.jooq.Tables.REFERRAL_REVOKED_CODE;
import static dev.aftersales.plugins.referral.jooq.Tables.REFERRAL_SIGNAL;
import static dev.aftersales.plugins.referral.jooq.Tables.REFERRAL_VISIT;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.plugins.referral.jooq.tables.records.ReferralCodeRecord;
import dev.aftersales.plugins.referral.jooq.tables.records.ReferralFriendRecord;
import dev.aftersales.plugins.referral.jooq.tables.records.ReferralRevokedCodeRecord;
import dev.aftersales.plugins.referral.jooq.tables.records.ReferralSignalRecord;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** All SQL of the programme; every statement filters on or inserts the shop's id. */
final class ReferralStore {

    private final DSLContext db;
    private final String shopId;

    private ReferralStore(DSLContext db, String shopId) {
        this.db = db;
        this.shopId = shopId;
    }

    static ReferralStore of(FeatureContext shop) {
        return new ReferralStore(shop.db(), shop.shopId());
    }

    static ReferralStore in(DSLContext tx, FeatureContext shop) {
        return new ReferralStore(tx, shop.shopId());
    }

    static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    // ---- codes ----

    Optional<ReferralCodeRecord> codeOf(String customerId) {
        return code(REFERRAL_CODE.CUSTOMER_ID.eq(customerId), false);
    }

    Optional<ReferralCodeRecord> byCode(String code) {
        return code(REFERRAL_CODE.CODE.eq(code), false);
    }

    private Optional<ReferralCodeRecord> code(Condition condition, boolean lock) {
        var query = db.selectFrom(REFERRAL_CODE).where(REFERRAL_CODE.SHOP_ID.eq(shopId).and(condition));
        return (lock ? query.forUpdate() : query).fetchOptional();
    }

    /** Inserts a code; a concurrent insert for the same customer wins and this one changes nothing. */
    void insertCode(String customerId, String code, Instant now) {
        db.insertInto(REFERRAL_CODE)
                .set(REFERRAL_CODE.SHOP_ID, shopId)
                .set(REFERRAL_CODE.CUSTOMER_ID, customerId)
                .set(REFERRAL_CODE.CODE, code)
                .set(REFERRAL_CODE.SHARES, 0)
                .set(REFERRAL_CODE.CREATED_AT, utc(now))
                .onDuplicateKeyIgnore()
                .execute();
    }

    Optional<ReferralRevokedCodeRecord> revoked(String code) {
        return db.selectFrom(REFERRAL_REVOKED_CODE)
                .where(REFERRAL_REVOKED_CODE.SHOP_ID.eq(shopId).and(REFERRAL_REVOKED_CODE.CODE.eq(code)))
                .fetchOptional();
    }

    /** Moves the customer's code to the revoked codes; the code revoked, or empty when they had none. */
    Optional<String> revoke(String customerId, String reason, Instant now) {
        Optional<ReferralCodeRecord> code = code(REFERRAL_CODE.CUSTOMER_ID.eq(customerId), true);
        if (code.isEmpty()) {
            return Optional.empty();
        }
        db.insertInto(REFERRAL_REVOKED_CODE)
                .set(REFERRAL_REVOKED_CODE.SHOP_ID, shopId)
                .set(REFERRAL_REVOKED_CODE.CODE, code.get().getCode())
                .set(REFERRAL_REVOKED_CODE.CUSTOMER_ID, customerId)
                .set(REFERRAL_REVOKED_CODE.REASON, reason)
                .set(REFERRAL_REVOKED_CODE.REVOKED_AT, utc(now))
                .execute();
        db.deleteFrom(REFERRAL_CODE)
                .where(REFERRAL_CODE.SHOP_ID.eq(shopId).and(REFERRAL_CODE.CUSTOMER_ID.eq(customerId)))
                .execute();
        return Optional.of(code.get().getCode());
    }

    void countShare(String customerId) {
        db.update(REFERRAL_CODE).set(REFERRAL_CODE.SHARES, REFERRAL_CODE.SHARES.plus(1))
                .where(REFERRAL_CODE.SHOP_ID.eq(shopId).and(REFERRAL_CODE.CUSTOMER_ID.eq(customerId)))
                .execute();
    }

    // ---- devices and visits ----

    void rememberReferrerDevice(String customerId, String deviceHash, Instant now) {
        db.insertInto(REFERRAL_REFERRER_DEVICE)
                .set(REFERRAL_REFERRER_DEVICE.SHOP_ID, shopId)
                .set(REFERRAL_REFERRER_DEVICE.CUSTOMER_ID, customerId)
                .set(REFERRAL_REFERRER_DEVICE.DEVICE_HASH, deviceHash)
                .set(REFERRAL_REFERRER_DEVICE.SEEN_AT, utc(now))
                .onDuplicateKeyIgnore()
                .execute();
    }

    boolean isReferrerDevice(String customerId, String deviceHash) {
        return deviceHash != null && db.fetchExists(REFERRAL_REFERRER_DEVICE,
                REFERRAL_REFERRER_DEVICE.SHOP_ID.eq(shopId)
                        .and(REFERRAL_REFERRER_DEVICE.CUSTOMER_ID.eq(customerId))
                        .and(REFERRAL_REFERRER_DEVICE.DEVICE_HASH.eq(deviceHash)));
    }

    void insertVisit(String referrerId, String code, String deviceHash, Instant now) {
        db.insertInto(REFERRAL_VISIT)
                .set(REFERRAL_VISIT.SHOP_ID, shopId)
                .set(REFERRAL_VISIT.REFERRER_ID, referrerId)
                .set(REFERRAL_VISIT.CODE, code)
                .set(REFERRAL_VISIT.DEVICE_HASH, deviceHash)
                .set(REFERRAL_VISIT.VISITED_AT, utc(now))
                .execute();
    }

    int visits(Instant since) {
        return db.fetchCount(REFERRAL_VISIT, REFERRAL_VISIT.SHOP_ID.eq(shopId)
                .and(REFERRAL_VISIT.VISITED_AT.ge(utc(since))));
    }

    // ---- referrals ----

    Optional<ReferralFriendRecord> referral(long id) {
        return one(REFERRAL_FRIEND.ID.eq(id), false);
    }

    Optional<ReferralFriendRecord> lockReferral(long id) {
        return one(REFERRAL_FRIEND.ID.eq(id), true);
    }

    Optional<ReferralFriendRecord> lockByFriend(String customerId) {
        return one(REFERRAL_FRIEND.FRIEND_CUSTOMER_ID.eq(customerId), true);
    }

    Optional<ReferralFriendRecord> lockByEmailKey(String emailKey) {
        return one(REFERRAL_FRIEND.FRIEND_EMAIL_KEY.eq(emailKey), true);
    }

    Optional<ReferralFriendRecord> byOrder(String orderId) {
        return one(REFERRAL_FRIEND.ORDER_ID.eq(orderId), false);
    }

    Optional<ReferralFriendRecord> lockByOrder(String orderId) {
        return one(REFERRAL_FRIEND.ORDER_ID.eq(orderId), true);
    }

    Optional<ReferralFriendRecord> lockByCoupon(Collection<String> couponCodes) {
        return couponCodes.isEmpty() ? Optional.empty() : one(REFERRAL_FRIEND.COUPON_CODE.in(couponCodes), true);
    }

    private Optional<ReferralFriendRecord> one(Condition condition, boolean lock) {
        var query = db.selectFrom(REFERRAL_FRIEND).where(REFERRAL_FRIEND.SHOP_ID.eq(shopId).and(condition)).limit(1);
        return (lock ? query.forUpdate() : query).fetchOptional();
    }

    /** A new referral (state CLAIMED or, through a code typed at checkout, QUALIFIED later); returns its id. */
    long insertReferral(String referrerId, String code, String friendCustomerId, String friendEmail,
                        String deviceHash, Instant now) {
        db.insertInto(REFERRAL_FRIEND)
                .set(REFERRAL_FRIEND.SHOP_ID, shopId)
                .set(REFERRAL_FRIEND.REFERRER_ID, referrerId)
                .set(REFERRAL_FRIEND.CODE, code)
                .set(REFERRAL_FRIEND.FRIEND_CUSTOMER_ID, friendCustomerId)
                .set(REFERRAL_FRIEND.FRIEND_EMAIL, friendEmail)
                .set(REFERRAL_FRIEND.FRIEND_EMAIL_KEY, friendEmail == null ? null : Emails.key(friendEmail))
                .set(REFERRAL_FRIEND.DEVICE_HASH, deviceHash)
                .set(REFERRAL_FRIEND.STATE, ReferralState.CLAIMED.name())
                .set(REFERRAL_FRIEND.POINTS, 0L)
                .set(REFERRAL_FRIEND.SHORTFALL, 0L)
                .set(REFERRAL_FRIEND.CREATED_AT, utc(now))
                .set(REFERRAL_FRIEND.UPDATED_AT, utc(now))
                .execute();
        return db.lastID().longValue();
    }

    void setCoupon(long id, String couponCode, Instant expiresAt) {
        db.update(REFERRAL_FRIEND).set(REFERRAL_FRIEND.COUPON_CODE, couponCode).set(REFERRAL_FRIEND.COUPON_EXPIRES_AT, utc(expiresAt))
                .where(REFERRAL_FRIEND.SHOP_ID.eq(shopId).and(REFERRAL_FRIEND.ID.eq(id))).execute();
    }

    void attachFriend(long id, String customerId) {
        db.update(REFERRAL_FRIEND).set(REFERRAL_FRIEND.FRIEND_CUSTOMER_ID, customerId)
                .where(REFERRAL_FRIEND.SHOP_ID.eq(shopId).and(REFERRAL_FRIEND.ID.eq(id))).execute();
    }

    void attachOrder(long id, String orderId, java.math.BigDecimal amount, String currency, long points) {
        db.update(REFERRAL_FRIEND).set(REFERRAL_FRIEND.ORDER_ID, orderId).set(REFERRAL_FRIEND.ORDER_AMOUNT, amount)
                .set(REFERRAL_FRIEND.CURRENCY, currency).set(REFERRAL_FRIEND.POINTS, points)
                .where(REFERRAL_FRIEND.SHOP_ID.eq(shopId).and(REFERRAL_FRIEND.ID.eq(id))).execute();
    }

    void setState(long id, ReferralState state, String voidReason, Instant now) {
        db.update(REFERRAL_FRIEND).set(REFERRAL_FRIEND.STATE, state.name()).set(REFERRAL_FRIEND.VOID_REASON, voidReason)
                .set(REFERRAL_FRIEND.UPDATED_AT, utc(now))
                .where(REFERRAL_FRIEND.SHOP_ID.eq(shopId).and(REFERRAL_FRIEND.ID.eq(id))).execute();
    }

    void rewarded(long id, Instant availableAt, Instant now) {
        db.update(REFERRAL_FRIEND).set(REFERRAL_FRIEND.STATE, ReferralState.REWARDED.name())
                .set(REFERRAL_FRIEND.AVAILABLE_AT, utc(availableAt)).set(REFERRAL_FRIEND.UPDATED_AT, utc(now))
                .where(REFERRAL_FRIEND.SHOP_ID.eq(shopId).and(REFERRAL_FRIEND.ID.eq(id))).execute();
    }

    void availableAt(long id, Instant availableAt) {
        db.update(REFERRAL_FRIEND).set(REFERRAL_FRIEND.AVAILABLE_AT, utc(availableAt))
                .where(REFERRAL_FRIEND.SHOP_ID.eq(shopId).and(REFERRAL_FRIEND.ID.eq(id))).execute();
    }

    void reversed(long id, String reason, long shortfall, Instant now) {
        db.update(REFERRAL_FRIEND).set(REFERRAL_FRIEND.STATE, ReferralState.REVERSED.name()).set(REFERRAL_FRIEND.VOID_REASON, reason)
                .set(REFERRAL_FRIEND.SHORTFALL, shortfall).set(REFERRAL_FRIEND.UPDATED_AT, utc(now))
                .where(REFERRAL_FRIEND.SHOP_ID.eq(shopId).and(REFERRAL_FRIEND.ID.eq(id))).execute();
    }

    /** Referrals of the referrer with a first order this month (from {@code since}), this one excluded. */
    int ordersThisMonth(String referrerId, Instant since, long except) {
        return db.fetchCount(REFERRAL_FRIEND, REFERRAL_FRIEND.SHOP_ID.eq(shopId).and(REFERRAL_FRIEND.REFERRER_ID.eq(referrerId))
                .and(REFERRAL_FRIEND.ORDER_ID.isNotNull()).and(REFERRAL_FRIEND.UPDATED_AT.ge(utc(since)))
                .and(REFERRAL_FRIEND.ID.ne(except)));
    }

    int usesOfCode(String code) {
        return db.fetchCount(REFERRAL_FRIEND, REFERRAL_FRIEND.SHOP_ID.eq(shopId).and(REFERRAL_FRIEND.CODE.eq(code)));
    }

    /** Rewards that became available and of which the referrer was not told yet. */
    List<ReferralFriendRecord> dueForRelease(Instant now, int limit) {
        return db.selectFrom(REFERRAL_FRIEND)
                .where(REFERRAL_FRIEND.SHOP_ID.eq(shopId).and(REFERRAL_FRIEND.STATE.eq(ReferralState.REWARDED.name()))
                        .and(REFERRAL_FRIEND.AVAILABLE_AT.le(utc(now))))
                .orderBy(REFERRAL_FRIEND.AVAILABLE_AT).limit(limit).fetch();
    }

    /** The referrer's referrals, newest first, from the keyset cursor {@code beforeId}; {@code limit} rows. */
    List<ReferralFriendRecord> ofReferrer(String referrerId, Long beforeId, int limit) {
        return db.selectFrom(REFERRAL_FRIEND)
                .where(REFERRAL_FRIEND.SHOP_ID.eq(shopId).and(REFERRAL_FRIEND.REFERRER_ID.eq(referrerId))
                        .and(beforeId == null ? DSL.noCondition() : REFERRAL_FRIEND.ID.lt(beforeId)))
                .orderBy(REFERRAL_FRIEND.ID.desc()).limit(limit).fetch();
    }

    List<ReferralFriendRecord> allOfReferrer(String referrerId) {
        return db.selectFrom(REFERRAL_FRIEND)
                .where(REFERRAL_FRIEND.SHOP_ID.eq(shopId).and(REFERRAL_FRIEND.REFERRER_ID.eq(referrerId)))
                .orderBy(REFERRAL_FRIEND.ID).fetch();
    }

    List<ReferralFriendRecord> ofFriend(String customerId) {
        return db.selectFrom(REFERRAL_FRIEND)
                .where(REFERRAL_FRIEND.SHOP_ID.eq(shopId).and(REFERRAL_FRIEND.FRIEND_CUSTOMER_ID.eq(customerId)))
                .fetch();
    }

    /** Flagged referrals, oldest first, after the keyset cursor {@code afterId}. */
    List<ReferralFriendRecord> queue(Long afterId, int limit) {
        return db.selectFrom(REFERRAL_FRIEND)
                .where(REFERRAL_FRIEND.SHOP_ID.eq(shopId).and(REFERRAL_FRIEND.STATE.eq(ReferralState.FLAGGED.name()))
                        .and(afterId == null ? DSL.noCondition() : REFERRAL_FRIEND.ID.gt(afterId)))
                .orderBy(REFERRAL_FRIEND.ID).limit(limit).fetch();
    }

    // ---- signals ----

    void insertSignal(long referralId, FraudChecks.Signal signal, Instant now) {
        db.insertInto(REFERRAL_SIGNAL)
                .set(REFERRAL_SIGNAL.SHOP_ID, shopId)
                .set(REFERRAL_SIGNAL.REFERRAL_ID, referralId)
                .set(REFERRAL_SIGNAL.REASON_CODE, signal.reason().name())
                .set(REFERRAL_SIGNAL.ACTION, signal.action().name())
                .set(REFERRAL_SIGNAL.DETAIL, signal.detail())
                .set(REFERRAL_SIGNAL.CREATED_AT, utc(now))
                .onDuplicateKeyIgnore()
                .execute();
    }

    List<ReferralSignalRecord> signals(long referralId) {
        return db.selectFrom(REFERRAL_SIGNAL)
                .where(REFERRAL_SIGNAL.SHOP_ID.eq(shopId).and(REFERRAL_SIGNAL.REFERRAL_ID.eq(referralId)))
                .orderBy(REFERRAL_SIGNAL.REASON_CODE).fetch();
    }

    // ---- report ----

    List<Record> countsByState(Instant since) {
        Field<Integer> count = DSL.count().as("n");
        return db.select(REFERRAL_FRIEND.STATE, count).from(REFERRAL_FRIEND)
                .where(REFERRAL_FRIEND.SHOP_ID.eq(shopId).and(REFERRAL_FRIEND.CREATED_AT.ge(utc(since))))
                .groupBy(REFERRAL_FRIEND.STATE).fetch().map(r -> (Record) r);
    }

    List<Record> signalCounts(Instant since) {
        return db.select(REFERRAL_SIGNAL.REASON_CODE, REFERRAL_SIGNAL.ACTION, DSL.count().as("n"))
                .from(REFERRAL_SIGNAL)
                .where(REFERRAL_SIGNAL.SHOP_ID.eq(shopId).and(REFERRAL_SIGNAL.CREATED_AT.ge(utc(since))))
                .groupBy(REFERRAL_SIGNAL.REASON_CODE, REFERRAL_SIGNAL.ACTION)
                .orderBy(REFERRAL_SIGNAL.REASON_CODE, REFERRAL_SIGNAL.ACTION).fetch().map(r -> (Record) r);
    }

    /** First orders, their revenue per currency, and the points booked, of referrals with a rewarded order. */
    List<Record> revenue(Instant since, Collection<String> states) {
        return db.select(REFERRAL_FRIEND.CURRENCY, DSL.count().as("orders"), DSL.sum(REFERRAL_FRIEND.ORDER_AMOUNT).as("revenue"),
                        DSL.sum(REFERRAL_FRIEND.POINTS).as("points"))
                .from(REFERRAL_FRIEND)
                .where(REFERRAL_FRIEND.SHOP_ID.eq(shopId).and(REFERRAL_FRIEND.CREATED_AT.ge(utc(since)))
                        .and(REFERRAL_FRIEND.ORDER_ID.isNotNull()).and(REFERRAL_FRIEND.STATE.in(states)))
                .groupBy(REFERRAL_FRIEND.CURRENCY).orderBy(REFERRAL_FRIEND.CURRENCY).fetch().map(r -> (Record) r);
    }

    int firstOrders(Instant since) {
        return db.fetchCount(REFERRAL_FRIEND, REFERRAL_FRIEND.SHOP_ID.eq(shopId).and(REFERRAL_FRIEND.CREATED_AT.ge(utc(since)))
                .and(REFERRAL_FRIEND.ORDER_ID.isNotNull()));
    }

    /** Blocked referrals that got as far as an order (a friend who signed up; blocked claims did not). */
    int blockedAtOrder(Instant since) {
        return db.fetchCount(REFERRAL_FRIEND, REFERRAL_FRIEND.SHOP_ID.eq(shopId).and(REFERRAL_FRIEND.CREATED_AT.ge(utc(since)))
                .and(REFERRAL_FRIEND.ORDER_ID.isNotNull()).and(REFERRAL_FRIEND.STATE.eq(ReferralState.BLOCKED.name())));
    }

    int friendCoupons(Instant since) {
        return db.fetchCount(REFERRAL_FRIEND, REFERRAL_FRIEND.SHOP_ID.eq(shopId).and(REFERRAL_FRIEND.CREATED_AT.ge(utc(since)))
                .and(REFERRAL_FRIEND.COUPON_CODE.isNotNull()));
    }

    // ---- GDPR ----

    List<ReferralRevokedCodeRecord> revokedCodesOf(String customerId) {
        return db.selectFrom(REFERRAL_REVOKED_CODE)
                .where(REFERRAL_REVOKED_CODE.SHOP_ID.eq(shopId).and(REFERRAL_REVOKED_CODE.CUSTOMER_ID.eq(customerId)))
                .fetch();
    }

    /**
     * Forgets the customer: as a referrer their code, devices, visits and referrals go; as a friend the referral
     * stays for the referrer's reward and the shop's report but no longer names them.
     */
    void erase(String customerId) {
        List<Long> asReferrer = db.select(REFERRAL_FRIEND.ID).from(REFERRAL_FRIEND)
                .where(REFERRAL_FRIEND.SHOP_ID.eq(shopId).and(REFERRAL_FRIEND.REFERRER_ID.eq(customerId))).fetch(REFERRAL_FRIEND.ID);
        if (!asReferrer.isEmpty()) {
            db.deleteFrom(REFERRAL_SIGNAL)
                    .where(REFERRAL_SIGNAL.SHOP_ID.eq(shopId).and(REFERRAL_SIGNAL.REFERRAL_ID.in(asReferrer)))
                    .execute();
        }
        db.deleteFrom(REFERRAL_FRIEND).where(REFERRAL_FRIEND.SHOP_ID.eq(shopId).and(REFERRAL_FRIEND.REFERRER_ID.eq(customerId))).execute();
        db.deleteFrom(REFERRAL_CODE)
                .where(REFERRAL_CODE.SHOP_ID.eq(shopId).and(REFERRAL_CODE.CUSTOMER_ID.eq(customerId))).execute();
        db.deleteFrom(REFERRAL_REVOKED_CODE)
                .where(REFERRAL_REVOKED_CODE.SHOP_ID.eq(shopId).and(REFERRAL_REVOKED_CODE.CUSTOMER_ID.eq(customerId)))
                .execute();
        db.deleteFrom(REFERRAL_REFERRER_DEVICE)
                .where(REFERRAL_REFERRER_DEVICE.SHOP_ID.eq(shopId)
                        .and(REFERRAL_REFERRER_DEVICE.CUSTOMER_ID.eq(customerId))).execute();
        db.deleteFrom(REFERRAL_VISIT)
                .where(REFERRAL_VISIT.SHOP_ID.eq(shopId).and(REFERRAL_VISIT.REFERRER_ID.eq(customerId))).execute();
        List<Long> asFriend = db.select(REFERRAL_FRIEND.ID).from(REFERRAL_FRIEND)
                .where(REFERRAL_FRIEND.SHOP_ID.eq(shopId).and(REFERRAL_FRIEND.FRIEND_CUSTOMER_ID.eq(customerId))).fetch(REFERRAL_FRIEND.ID);
        if (!asFriend.isEmpty()) {
            // the signals' details may quote the friend's address or device: they go with the friend
            db.deleteFrom(REFERRAL_SIGNAL)
                    .where(REFERRAL_SIGNAL.SHOP_ID.eq(shopId).and(REFERRAL_SIGNAL.REFERRAL_ID.in(asFriend)))
                    .execute();
            db.update(REFERRAL_FRIEND).setNull(REFERRAL_FRIEND.FRIEND_CUSTOMER_ID).setNull(REFERRAL_FRIEND.FRIEND_EMAIL)
                    .setNull(REFERRAL_FRIEND.FRIEND_EMAIL_KEY).setNull(REFERRAL_FRIEND.DEVICE_HASH).setNull(REFERRAL_FRIEND.COUPON_CODE)
                    .where(REFERRAL_FRIEND.SHOP_ID.eq(shopId).and(REFERRAL_FRIEND.ID.in(asFriend))).execute();
        }
    }
}
