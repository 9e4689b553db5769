package dev.aftersales.host.notify.tracking;

import dev.aftersales.host.links.WebUrls;
import dev.aftersales.host.notify.templates.RenderedMessage;
import dev.aftersales.host.notify.templates.TemplateProblem;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the http(s) links of a rendered message with tracked redirects: every {@code href} of the HTML part and
 * every URL of the text part, except the host's own unsubscribe and confirmation links. A message whose HTML holds a
 * link that is not http(s) ({@code javascript:}, {@code data:}, {@code mailto:}, relative, hidden behind entities) is
 * refused as a whole: data from the platform or a template must never become such a link.
 */
public final class LinkTracking {

    private static final Pattern HREF = Pattern.compile("(\\shref\\s*=\\s*)(?:([\"'])(.*?)\\2|([^\\s>\"']*))",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+");

    private final UnaryOperator<String> tracked;

    /** @param tracked gives the tracked URL for a destination, or the destination itself to leave it alone */
    public LinkTracking(UnaryOperator<String> tracked) {
        this.tracked = tracked;
    }

    /** The message with tracked links; refused when the HTML holds a link that is not http(s). */
    public RenderedMessage apply(RenderedMessage message) throws TemplateProblem {
        return new RenderedMessage(message.subject(), html(message.html()), text(message.text()));
    }

    private String html(String html) throws TemplateProblem {
        Matcher matcher = HREF.matcher(html);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String quote = matcher.group(2) == null ? "\"" : matcher.group(2);
            String raw = matcher.group(2) == null ? matcher.group(4) : matcher.group(3);
            String destination = raw.strip().replace("&amp;", "&");
            if (!WebUrls.isHttp(destination)) {
                throw new TemplateProblem("html: link '" + WebUrls.quoted(raw) + "' is not an http(s) URL; only "
                        + "http(s) links are sent (they are tracked)", null);
            }
            String replacement = matcher.group(1) + quote
                    + tracked.apply(destination).replace("&", "&amp;") + quote;
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
