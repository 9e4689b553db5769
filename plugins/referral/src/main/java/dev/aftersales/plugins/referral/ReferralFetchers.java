package dev.aftersales.plugins.referral;

import dev.aftersales.api.FeatureContext;
import dev.aftersales.api.Wiring;
import dev.aftersales.api.graphql.Connection;
import dev.aftersales.api.graphql.FieldCall;
import dev.aftersales.api.graphql.GlobalId;
import dev.aftersales.api.graphql.PageRequest;
import dev.aftersales.plugins.referral.jooq.tables.records.ReferralCodeRecord;
import dev.aftersales.plugins.referral.jooq.tables.records.ReferralFriendRecord;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The storefront's read side: {@code Customer.referral} with the referrer's friends as a connection. */
final class ReferralFetchers {

    private static final Set<String> NOT_COUNTED = Set.of(ReferralState.BLOCKED.name(), ReferralState.REJECTED.name());
    private static final Set<String> PENDING = Set.of(ReferralState.QUALIFIED.name(), ReferralState.REWARDED.name());

    private final ReferralCodes codes;

    ReferralFetchers(ReferralCodes codes) {
        this.codes = codes;
    }

    /** {@code Referral}. */
    public record Standing(String customerId, String code, String link, int referredCount, long pendingRewards,
                           long earnedRewards) {
    }

    /** {@code ReferralFriend}: what a referrer may see of a friend. */
    public record Friend(String id, String name, String state, long points, Instant referredAt) {
    }

    void register(Wiring wiring) {
        wiring.field("Customer", "referral", this::standing);
        wiring.field("Referral", "friends", this::friends);
    }

    Standing standing(FieldCall call) {
        FeatureContext shop = call.shop();
        String customerId = call.viewer().requireCustomer();
        ReferralCodeRecord code = codes.codeOf(shop, customerId);
        call.device().ifPresent(device -> shop.inTransaction(tx -> {
            ReferralStore.in(tx.dsl(), shop).rememberReferrerDevice(customerId, device, shop.clock().instant());
            return null;
        }));
        List<ReferralFriendRecord> referrals = ReferralStore.of(shop).allOfReferrer(customerId);
        int referred = (int) referrals.stream().filter(r -> !NOT_COUNTED.contains(r.getState())).count();
        long pending = referrals.stream().filter(r -> PENDING.contains(r.getState()))
                .mapToLong(ReferralFriendRecord::getPoints).sum();
        long earned = referrals.stream().filter(r -> ReferralState.AVAILABLE.name().equals(r.getState()))
                .mapToLong(ReferralFriendRecord::getPoints).sum();
        return new Standing(customerId, code.getCode(), link(shop, code.getCode()), referred, pending, earned);
    }

    Connection<Friend> friends(FieldCall call) {
        FeatureContext shop = call.shop();
        PageRequest page = call.page();
        Long before = page.after().map(Long::valueOf).orElse(null);
        List<Friend> friends = ReferralStore.of(shop)
                .ofReferrer(call.<Standing>source().customerId(), before, page.first() + 1).stream()
                .map(r -> new Friend(GlobalId.encode("ReferralFriend", r.getId()),
                        r.getFriendEmail() == null ? null : Emails.masked(r.getFriendEmail()), r.getState(),
                        r.getPoints(), ReferralStore.instant(r.getCreatedAt())))
                .toList();
        return Connection.of(friends, page, friend -> String.valueOf(GlobalId.decodeLong("ReferralFriend",
                friend.id()).orElseThrow()));
    }

    /** The shop's landing page with the signed token; null when the shop's landing URL is not http(s). */
    static String link(FeatureContext shop, String code) {
        String landing = ReferralSettings.of(shop.settings()).landingUrl();
        URI uri;
        try {
            uri = URI.create(landing);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            return null;
        }
        return landing + (uri.getRawQuery() == null ? "?" : "&") + "ref="
                + URLEncoder.encode(ReferralCodes.token(shop, code), StandardCharsets.UTF_8);
    }
}
