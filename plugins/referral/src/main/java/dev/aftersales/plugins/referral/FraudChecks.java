package dev.aftersales.plugins.referral;

import dev.aftersales.api.catalog.Order;
import dev.aftersales.api.catalog.OrderSignals;
import dev.aftersales.plugins.referral.ReferralSettings.Action;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The fraud checks, as pure rules over what is known of a referral: each check that fires gives a {@link Signal} with
 * the action the shop's settings choose for it (checks set to off give none).
 */
final class FraudChecks {

    enum Reason {
        SAME_CUSTOMER, SAME_EMAIL, SAME_ADDRESS, SAME_PAYMENT, SAME_DEVICE, MONTHLY_CAP, LEAKED_CODE
    }

    record Signal(Reason reason, Action action, String detail) {
    }

    /**
     * What is known when the checks run: at the claim (no order yet) or at the friend's first order.
     *
     * @param friendEmails     the friend's addresses: the one given at the claim and the order's
     * @param friendOrder      the friend's first order, or null at the claim
     * @param sameDevice       whether the friend's link visit came from a device the referrer used
     * @param referrerOrders   the referrer's orders (their addresses, shipping hashes and payment fingerprints)
     * @param referralsThisMonth the referrer's other referrals with a first order this month
     * @param codeUses         referrals made with the code, this one included
     * @param codeShares       how often the referrer shared the link
     */
    record Facts(String referrerId, String friendCustomerId, Collection<String> friendEmails, Order friendOrder,
                 boolean sameDevice, List<Order> referrerOrders, int referralsThisMonth, int codeUses,
                 int codeShares) {
    }

    private FraudChecks() {
    }

    static List<Signal> run(ReferralSettings settings, Facts facts) {
        List<Signal> signals = new ArrayList<>();
        if (facts.friendCustomerId() != null && facts.friendCustomerId().equals(facts.referrerId())) {
            add(signals, Reason.SAME_CUSTOMER, settings.sameCustomer(), "The friend is the referrer's own account");
        }
        List<String> referrerEmails = facts.referrerOrders().stream().map(o -> o.signals().email())
                .filter(Objects::nonNull).map(Emails::key).distinct().toList();
        facts.friendEmails().stream().filter(Objects::nonNull)
                .filter(email -> referrerEmails.contains(Emails.key(email))).findFirst()
                .ifPresent(email -> add(signals, Reason.SAME_EMAIL, settings.sameEmail(),
                        "The friend's address " + Emails.masked(email) + " reaches the referrer's inbox"));
        if (facts.friendOrder() != null) {
            OrderSignals friend = facts.friendOrder().signals();
            if (friend.shippingAddressHash() != null && facts.referrerOrders().stream()
                    .anyMatch(o -> friend.shippingAddressHash().equals(o.signals().shippingAddressHash()))) {
                add(signals, Reason.SAME_ADDRESS, settings.sameAddress(),
                        "Order " + facts.friendOrder().id() + " ships to an address the referrer's orders used");
            }
            if (friend.paymentFingerprint() != null && facts.referrerOrders().stream()
                    .anyMatch(o -> friend.paymentFingerprint().equals(o.signals().paymentFingerprint()))) {
                add(signals, Reason.SAME_PAYMENT, settings.samePayment(),
                        "Order " + facts.friendOrder().id() + " was paid with a payment method the referrer used");
            }
        }
        if (facts.sameDevice()) {
            add(signals, Reason.SAME_DEVICE, settings.sameDevice(),
                    "The friend opened the link on a device the referrer used (same IP address and browser)");
        }
        if (settings.monthlyCap() > 0 && facts.referralsThisMonth() >= settings.monthlyCap()) {
            add(signals, Reason.MONTHLY_CAP, settings.capAction(), "The referrer already has "
                    + facts.referralsThisMonth() + " referred first orders this month (cap " + settings.monthlyCap() + ")");
        }
        if (facts.codeUses() > (long) settings.usesPerShare() * Math.max(1, facts.codeShares())) {
            add(signals, Reason.LEAKED_CODE, settings.leakedCode(), "The code has " + facts.codeUses()
                    + " referrals but was shared " + facts.codeShares() + " times: it may be posted publicly");
        }
        return signals;
    }

    static boolean blocks(List<Signal> signals) {
        return signals.stream().anyMatch(s -> s.action() == Action.BLOCK);
    }

    private static void add(List<Signal> signals, Reason reason, Action action, String detail) {
        if (action != Action.OFF) {
            signals.add(new Signal(reason, action, detail));
        }
    }
}
