package dev.aftersales.host.notify.tracking;

import dev.aftersales.host.notify.templates.RenderedMessage;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the http(s) links of a rendered message with tracked redirects: every {@code href} of the HTML part and
 * every URL of the text part, except the host's own unsubscribe and confirmation links.
 */
public final class LinkTracking {

    private static final Pattern HREF = Pattern.compile("(href\\s*=\\s*)([\"'])(https?://[^\"']+)\\2",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+");

    private final UnaryOperator<String> tracked;

    /** @param tracked gives the tracked URL for a destination, or the destination itself to leave it alone */
    public LinkTracking(UnaryOperator<String> tracked) {
        this.tracked = tracked;
    }

    public RenderedMessage apply(RenderedMessage message) {
        return new RenderedMessage(message.subject(), html(message.html()), text(message.text()));
    }

    private String html(String html) {
        Matcher matcher = HREF.matcher(html);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String destination = matcher.group(3).replace("&amp;", "&");
            String replacement = matcher.group(1) + matcher.group(2)
                    + tracked.apply(destination).replace("&", "&amp;") + matcher.group(2);
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String text(String text) {
        Matcher matcher = URL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String url = matcher.group();
            // a sentence's full stop or a closing bracket after a URL is not part of it
            int end = url.length();
            while (end > 0 && ".,;:!?)".indexOf(url.charAt(end - 1)) >= 0) {
                end--;
            }
            String replacement = tracked.apply(url.substring(0, end)) + url.substring(end);
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
