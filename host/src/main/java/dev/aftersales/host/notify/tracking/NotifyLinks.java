package dev.aftersales.host.notify.tracking;

import dev.aftersales.api.notify.Category;
import dev.aftersales.host.links.SignedLinks;
import dev.aftersales.host.notify.RecipientKey;
import dev.aftersales.host.notify.settings.NotifyProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The links the host puts into messages, each carrying a signed token bound to the shop: one-click unsubscribe,
 * double opt-in confirmation, and tracked redirects to the feature's own links.
 */
@Component
public class NotifyLinks {

    public static final String UNSUBSCRIBE = "notify-unsubscribe";
    public static final String CONFIRM = "notify-confirm";
    static final String CLICK = "notify-click";

    private final SignedLinks links;
    private final NotifyProperties properties;
    private final Environment environment;
    private final Clock clock;

    NotifyLinks(SignedLinks links, NotifyProperties properties, Environment environment, Clock clock) {
        this.links = links;
        this.properties = properties;
        this.environment = environment;
        this.clock = clock;
    }

    /** The host as recipients reach it, without a trailing slash. */
    public String baseUrl() {
        String configured = properties.publicUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return "http://localhost:" + environment.getProperty("local.server.port", "8080");
    }

    /** Never expires: an unsubscribe link must work as long as the mail exists (RFC 8058). */
    public String unsubscribe(String shopId, RecipientKey recipient, Category category) {
        return url(shopId, "unsubscribe", links.forShop(shopId).sign(UNSUBSCRIBE, subject(recipient, category), null));
    }

    public String confirm(String shopId, RecipientKey recipient, Category category, Instant expiresAt) {
        return url(shopId, "confirm", links.forShop(shopId).sign(CONFIRM, subject(recipient, category), expiresAt));
    }

    public String click(String shopId, long messageId, String target) {
        return url(shopId, "click", links.forShop(shopId).sign(CLICK, messageId + "|" + target,
                clock.instant().plus(properties.clickLinkTtl())));
    }

    /** Whether a URL is one of the host's own notification links (never tracked). */
    public boolean isOwn(String url) {
        return url.startsWith(baseUrl() + "/notify/");
    }

    /** The recipient and category a valid unsubscribe or confirmation token names. */
    public Optional<Target> verify(String shopId, String purpose, String token) {
        return links.forShop(shopId).verify(purpose, token).flatMap(subject -> {
            int bar = subject.lastIndexOf('|');
            if (bar < 1) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Target(new RecipientKey(subject.substring(0, bar)),
                        Category.valueOf(subject.substring(bar + 1))));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /** The message id and target URL of a valid click token. */
    Optional<Click> verifyClick(String shopId, String token) {
        return links.forShop(shopId).verify(CLICK, token).flatMap(subject -> {
            int bar = subject.indexOf('|');
            try {
                return bar < 1 ? Optional.empty()
                        : Optional.of(new Click(Long.parseLong(subject.substring(0, bar)), subject.substring(bar + 1)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private String url(String shopId, String action, String token) {
        return baseUrl() + "/notify/" + shopId + "/" + action + "/" + token;
    }

    private static String subject(RecipientKey recipient, Category category) {
        return recipient.value() + "|" + category.name();
    }

    /** Whom an unsubscribe or confirmation link is for. */
    public record Target(RecipientKey recipient, Category category) {
    }

    /** A tracked link: which message, which destination. */
    record Click(long messageId, String url) {
    }
}
