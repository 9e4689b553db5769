package dev.aftersales.host.notify.web;

import dev.aftersales.host.notify.templates.NotifyTexts;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** The small pages a recipient sees after clicking a confirmation or unsubscribe link, in German or English. */
@Component
public class NotifyPages {

    private final NotifyTexts texts;

    public NotifyPages(NotifyTexts texts) {
        this.texts = texts;
    }

    /** A page with one button that POSTs back: link scanners in mail filters only GET, so they confirm nothing. */
    public String form(String locale, String title, String buttonKey) {
        return page(locale, title, "<form method=\"post\"><button type=\"submit\" style=\"font-size: 1.1em; padding:"
                + " .5em 1.2em;\">" + escape(texts.text(locale, buttonKey)) + "</button></form>");
    }

    public String message(String locale, String title) {
        return page(locale, title, "");
    }

    /** A page with an escaped title and a body of HTML the caller escaped (also feature links' pages). */
    public static String page(String locale, String title, String body) {
        String language = locale != null && locale.startsWith("de") ? "de" : "en";
        return "<!DOCTYPE html><html lang=\"" + language + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + escape(title) + "</title></head><body style=\"font-family: sans-serif; max-width: 36em;"
                + " margin: 3em auto; padding: 0 1em;\"><h1 style=\"font-size: 1.3em;\">" + escape(title)
                + "</h1>" + body + "</body></html>";
    }

    /** Only what HTML needs escaped: the page is UTF-8, so umlauts stay readable in its source. */
    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
