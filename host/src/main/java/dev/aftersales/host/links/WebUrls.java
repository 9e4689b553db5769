package dev.aftersales.host.links;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for URLs taken from outside (the shop platform, operators, templates) that may end up as links in
 * mails, redirects or outgoing calls: absolute {@code http} or {@code https} with a host, nothing else. A
 * {@code javascript:}, {@code data:} or {@code vbscript:} URL, a relative one or one hidden behind entities or
 * leading control characters is refused, so it can never become a clickable link.
 *
 * <pre>{@code
 * WebUrls.problem("url", "javascript:alert(1)") // "url is not an http(s) URL: 'javascript:alert(1)'"
 * }</pre>
 */
public final class WebUrls {

    /** Longest URL the host stores (the mirror's and settings' columns). */
    public static final int MAX_LENGTH = 1000;
    private static final int QUOTED = 80;

    private WebUrls() {
    }

    /** Whether the text is an absolute http(s) URL with a host. */
    public static boolean isHttp(String url) {
        if (url == null || url.length() > MAX_LENGTH) {
            return false;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return false; // checked on the raw text: browsers ignore what URI parsing would reject
        }
        try {
            URI uri = new URI(url);
            return uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Why a URL is refused, naming the field; empty when it is an http(s) URL or absent (null), e.g.
     * {@code problem("imageUrl", "data:...")}.
     */
    public static Optional<String> problem(String field, String url) {
        if (url == null || isHttp(url)) {
            return Optional.empty();
        }
        return Optional.of(field + " is not an http(s) URL: '" + quoted(url) + "'");
    }

    /** The start of a refused value, for messages (it may be long or hold control characters). */
    public static String quoted(String url) {
        String shown = url.length() > QUOTED ? url.substring(0, QUOTED) + "…" : url;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
