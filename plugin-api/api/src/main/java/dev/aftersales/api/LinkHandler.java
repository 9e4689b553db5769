package dev.aftersales.api;

/**
 * Answers a signed link a feature put into a mail (buy again, manage a subscription, a referral landing), registered
 * with {@link Wiring#link}. The host serves it at {@code /l/{shopId}/{token}}: it verifies the token (shop, feature,
 * link name, expiry) before the handler runs, answers a forged or expired token itself, and escapes every text of a
 * page the handler returns. A {@code GET} must not change anything but what the link exists for and may repeat
 * (mail filters follow links); put a change behind {@link LinkResponse#confirm}, which posts back to the same link.
 *
 * <pre>{@code
 * wiring.link("stop", call -> call.confirmed()
 *         ? LinkResponse.page(texts.get(call.locale(), "stopped"))
 *         : LinkResponse.confirm(texts.get(call.locale(), "stop.question"), texts.get(call.locale(), "stop.button")));
 * String url = shop.links().url("stop", customerId, subscriptionId, now.plus(Duration.ofDays(30)));
 * }</pre>
 *
 * Since plugin API 1.1.
 */
@FunctionalInterface
public interface LinkHandler {

    /** What the person who opened the link sees. Exceptions become the host's error page (status 500). */
    LinkResponse handle(LinkCall call) throws Exception;
}
