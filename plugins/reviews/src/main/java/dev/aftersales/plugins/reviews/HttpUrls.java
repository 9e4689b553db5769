package dev.aftersales.plugins.reviews;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Which texts are http(s) URLs a page may show as a link or image, and which texts contain a link. */
final class HttpUrls {

    static final int MAX_LENGTH = 2000;
    private static final Pattern LINK = Pattern.compile("(?i)(https?://|www\\.|<\\s*a[\\s>])");

    private HttpUrls() {
    }

    /** An absolute http(s) URL with a host and no user info, at most {@link #MAX_LENGTH} characters. */
    static boolean isHttp(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Whether a text holds something a reader could follow: auto-approval leaves such reviews to a person. */
    static boolean containsLink(String text) {
        return text != null && LINK.matcher(text).find();
    }
}
