package dev.aftersales.host.links;

import dev.aftersales.api.LinkCall;
import dev.aftersales.api.LinkHandler;
import dev.aftersales.api.LinkResponse;
import dev.aftersales.host.notify.RecipientKey;
import dev.aftersales.host.notify.RecipientLocales;
import dev.aftersales.host.notify.templates.NotifyTexts;
import dev.aftersales.host.notify.web.NotifyPages;
import dev.aftersales.host.plugins.FeatureContexts;
import dev.aftersales.host.plugins.LoadedPlugin;
import dev.aftersales.host.plugins.PluginRuntime;
import dev.aftersales.host.tenancy.Shop;
import dev.aftersales.host.tenancy.ShopDirectory;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Serves features' signed links ({@code Wiring.link}) at {@code GET|POST /l/{shopId}/{token}}: the token is the
 * authorisation (no login from a mail). The host answers a forged, expired or foreign token, a disabled feature and a
 * failing handler itself; the handler's page is rendered here with every text escaped, and a redirect must be http(s).
 */
@RestController
class FeatureLinkEndpoint {

    private static final Logger log = LoggerFactory.getLogger(FeatureLinkEndpoint.class);
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final int RETRY_SECONDS = 30;

    private final FeatureLinks links;
    private final ShopDirectory shops;
    private final PluginRuntime plugins;
    private final FeatureContexts contexts;
    private final RecipientLocales locales;
    private final NotifyTexts texts;

    FeatureLinkEndpoint(FeatureLinks links, ShopDirectory shops, PluginRuntime plugins, FeatureContexts contexts,
                        RecipientLocales locales, NotifyTexts texts) {
        this.links = links;
        this.shops = shops;
        this.plugins = plugins;
        this.contexts = contexts;
        this.locales = locales;
        this.texts = texts;
    }

    @GetMapping("/l/{shopId}/{token}")
    ResponseEntity<String> open(@PathVariable String shopId, @PathVariable String token, HttpServletRequest request) {
        return answer(shopId, token, false, request);
    }

    /** The button of a confirm page posts back here. */
    @PostMapping("/l/{shopId}/{token}")
    ResponseEntity<String> confirm(@PathVariable String shopId, @PathVariable String token,
                                   HttpServletRequest request) {
        return answer(shopId, token, true, request);
    }

    private ResponseEntity<String> answer(String shopId, String token, boolean confirmed, HttpServletRequest request) {
        Optional<Shop> shop = shops.find(shopId);
        Optional<FeatureLinks.Target> target = shop.flatMap(s -> links.verify(shopId, token));
        String locale = shop.isEmpty() ? request.getLocale().toLanguageTag()
                : target.map(FeatureLinks.Target::customerId).map(id -> locales.of(shopId, RecipientKey.customer(id)))
                        .orElseGet(() -> locales.ofShop(shopId));
        Optional<LoadedPlugin> plugin = target.flatMap(t -> plugins.plugin(t.featureId()))
                .filter(p -> shop.get().isEnabled(p.id()));
        Optional<LinkHandler> handler = plugin.map(p -> p.wiring().links().get(target.get().link()));
        if (handler.isEmpty()) {
            return html(HttpStatus.NOT_FOUND, NotifyPages.page(locale, texts.text(locale, "page.invalid.title"), ""));
        }
        LinkResponse response;
        try {
            response = handler.get().handle(new LinkCall(contexts.forShop(shop.get(), plugin.get()),
                    target.get().customerId(), target.get().subject(), confirmed, Locale.forLanguageTag(locale)));
        } catch (Exception e) {
            log.error("Link '{}' of feature {} failed in shop {}", target.get().link(), plugin.get().id(), shopId, e);
            return unavailable(locale);
        }
        return switch (response) {
            case LinkResponse.Redirect redirect when WebUrls.isHttp(redirect.url()) ->
                    ResponseEntity.status(HttpStatus.FOUND).location(URI.create(redirect.url())).build();
            case LinkResponse.Redirect redirect -> {
                log.error("Link '{}' of feature {} redirected to a refused URL '{}'", target.get().link(),
                        plugin.get().id(), WebUrls.quoted(redirect.url()));
                yield unavailable(locale);
            }
            case LinkResponse.Page page -> page(locale, page);
        };
    }

    private ResponseEntity<String> page(String locale, LinkResponse.Page page) {
        StringBuilder body = new StringBuilder();
        page.paragraphs().forEach(p -> body.append("<p>").append(escape(p)).append("</p>"));
        if (page.buttonLabel() != null && page.buttonUrl() == null) {
            body.append("<form method=\"post\"><button type=\"submit\">").append(escape(page.buttonLabel()))
                    .append("</button></form>");
        } else if (page.buttonLabel() != null && WebUrls.isHttp(page.buttonUrl())) {
            body.append("<p><a href=\"").append(escape(page.buttonUrl())).append("\">")
                    .append(escape(page.buttonLabel())).append("</a></p>");
        }
        if (page.retry()) {
            body.append("<meta http-equiv=\"refresh\" content=\"").append(RETRY_SECONDS).append("\">");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(HTML)
                    .header("Retry-After", String.valueOf(RETRY_SECONDS))
                    .body(NotifyPages.page(locale, page.title(), body.toString()));
        }
        return html(HttpStatus.OK, NotifyPages.page(locale, page.title(), body.toString()));
    }

    private ResponseEntity<String> unavailable(String locale) {
        return html(HttpStatus.SERVICE_UNAVAILABLE,
                NotifyPages.page(locale, texts.text(locale, "page.unavailable.title"), ""));
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(HTML).body(body);
    }
}
