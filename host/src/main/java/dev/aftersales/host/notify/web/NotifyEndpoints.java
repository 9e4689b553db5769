package dev.aftersales.host.notify.web;

import dev.aftersales.host.notify.RecipientLocales;
import dev.aftersales.host.notify.consent.ConsentLinks;
import dev.aftersales.host.notify.templates.NotifyTexts;
import dev.aftersales.host.notify.tracking.Attribution;
import dev.aftersales.host.notify.tracking.NotifyLinks;
import dev.aftersales.host.tenancy.Shop;
import dev.aftersales.host.tenancy.ShopDirectory;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The links in messages, reached by recipients without any login (the signed token is the authorisation):
 * <ul>
 *   <li>{@code POST /notify/{shop}/unsubscribe/{token}} — RFC 8058 one-click unsubscribe (body
 *       {@code List-Unsubscribe=One-Click}) and the button of the unsubscribe page; {@code GET} shows that page;</li>
 *   <li>{@code GET|POST /notify/{shop}/confirm/{token}} — the double opt-in page and its confirmation;</li>
 *   <li>{@code GET /notify/{shop}/click/{token}} — records a click and redirects to the feature's link.</li>
 * </ul>
 * A GET never changes anything: mail filters follow links to scan them.
 */
@RestController
public class NotifyEndpoints {

    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);

    private final ConsentLinks consentLinks;
    private final Attribution attribution;
    private final NotifyPages pages;
    private final NotifyTexts texts;
    private final ShopDirectory shops;
    private final RecipientLocales locales;

    NotifyEndpoints(ConsentLinks consentLinks, Attribution attribution, NotifyPages pages, NotifyTexts texts,
                    ShopDirectory shops, RecipientLocales locales) {
        this.consentLinks = consentLinks;
        this.attribution = attribution;
        this.pages = pages;
        this.texts = texts;
        this.shops = shops;
        this.locales = locales;
    }

    @GetMapping("/notify/{shopId}/unsubscribe/{token}")
    ResponseEntity<String> unsubscribePage(@PathVariable String shopId, @PathVariable String token,
                                           HttpServletRequest request) {
        Optional<Shop> shop = shops.find(shopId);
        Optional<NotifyLinks.Target> target = shop.flatMap(s -> consentLinks.target(shopId, NotifyLinks.UNSUBSCRIBE, token));
        String locale = locale(shop, target, request);
        if (target.isEmpty()) {
            return invalid(locale);
        }
        return html(HttpStatus.OK, pages.form(locale, texts.text(locale, "page.unsubscribe.title",
                texts.category(locale, target.get().category()), shop.get().name()), "page.unsubscribe.button"));
    }

    /** One-click: answers 200 at once, no further page or login needed (RFC 8058). */
    @PostMapping("/notify/{shopId}/unsubscribe/{token}")
    ResponseEntity<String> unsubscribe(@PathVariable String shopId, @PathVariable String token,
                                       @RequestParam(name = "List-Unsubscribe", required = false) String oneClick,
                                       HttpServletRequest request) {
        Optional<Shop> shop = shops.find(shopId);
        Optional<NotifyLinks.Target> target = shop.flatMap(s -> consentLinks.target(shopId, NotifyLinks.UNSUBSCRIBE, token));
        String locale = locale(shop, target, request);
        if (target.isEmpty() || !consentLinks.unsubscribe(shopId, token,
                "One-Click".equals(oneClick) ? "one-click-unsubscribe" : "unsubscribe-link")) {
            return invalid(locale);
        }
        return html(HttpStatus.OK, pages.message(locale, texts.text(locale, "page.unsubscribed.title",
                texts.category(locale, target.get().category()), shop.get().name())));
    }

    @GetMapping("/notify/{shopId}/confirm/{token}")
    ResponseEntity<String> confirmPage(@PathVariable String shopId, @PathVariable String token,
                                       HttpServletRequest request) {
        Optional<Shop> shop = shops.find(shopId);
        Optional<NotifyLinks.Target> target = shop.flatMap(s -> consentLinks.target(shopId, NotifyLinks.CONFIRM, token));
        String locale = locale(shop, target, request);
        if (target.isEmpty()) {
            return invalid(locale);
        }
        return html(HttpStatus.OK, pages.form(locale, texts.text(locale, "page.confirm.title"), "page.confirm.button"));
    }

    @PostMapping("/notify/{shopId}/confirm/{token}")
    ResponseEntity<String> confirm(@PathVariable String shopId, @PathVariable String token,
                                   HttpServletRequest request) {
        Optional<Shop> shop = shops.find(shopId);
        String locale = locale(shop, shop.flatMap(s -> consentLinks.target(shopId, NotifyLinks.CONFIRM, token)), request);
        return switch (consentLinks.confirm(shopId, token)) {
            case CONFIRMED, ALREADY_CONFIRMED -> html(HttpStatus.OK,
                    pages.message(locale, texts.text(locale, "page.confirmed.title")));
            case EXPIRED -> html(HttpStatus.GONE, pages.message(locale, texts.text(locale, "page.expired.title")));
            case INVALID -> invalid(locale);
        };
    }

    @GetMapping("/notify/{shopId}/click/{token}")
    ResponseEntity<String> click(@PathVariable String shopId, @PathVariable String token, HttpServletRequest request) {
        Optional<String> target = attribution.click(shopId, token);
        if (target.isEmpty()) {
            return invalid(locale(shops.find(shopId), Optional.empty(), request));
        }
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(target.get())).build();
    }

    /**
     * The language of a page: the recipient's (as in their mails), else the shop's default; only a link of no known
     * shop is answered in the browser's language.
     */
    private String locale(Optional<Shop> shop, Optional<NotifyLinks.Target> target, HttpServletRequest request) {
        if (shop.isEmpty()) {
            return request.getLocale().toLanguageTag();
        }
        return target.map(t -> locales.of(shop.get().id(), t.recipient()))
                .orElseGet(() -> locales.ofShop(shop.get().id()));
    }

    private ResponseEntity<String> invalid(String locale) {
        return html(HttpStatus.NOT_FOUND, pages.message(locale, texts.text(locale, "page.invalid.title")));
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(HTML).body(body);
    }
}
