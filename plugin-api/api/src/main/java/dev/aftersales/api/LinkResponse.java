package dev.aftersales.api;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link LinkHandler} answers: a redirect to an http(s) URL, or a small page in the person's language that the
 * host renders (every text escaped). Since plugin API 1.1.
 *
 * <pre>{@code
 * return LinkResponse.redirect(cart.checkoutUrl());
 * return LinkResponse.page("Two items are in your cart", "One item is sold out.").withButton("To checkout", url);
 * return LinkResponse.confirm("Pause reminders for 7 days?", "Pause");      // the button posts back: confirmed()
 * return LinkResponse.retryLater("The shop cannot be reached", "Please try again in a minute."); // 503, reloads
 * }</pre>
 */
public sealed interface LinkResponse {

    /** A {@code 302} to {@code url}; the host refuses anything but an absolute http(s) URL. */
    static LinkResponse redirect(String url) {
        return new Redirect(url);
    }

    /** A page with a title and paragraphs. */
    static Page page(String title, String... paragraphs) {
        return new Page(title, List.of(paragraphs), null, null, false);
    }

    /** A page whose button posts back to the same link; the handler then sees {@link LinkCall#confirmed()}. */
    static Page confirm(String title, String buttonLabel, String... paragraphs) {
        return new Page(title, List.of(paragraphs), buttonLabel, null, false);
    }

    /** A page for a passing failure (the platform is down): status 503, the browser retries after a while. */
    static Page retryLater(String title, String... paragraphs) {
        return new Page(title, List.of(paragraphs), null, null, true);
    }

    /** See {@link #redirect}. */
    record Redirect(String url) implements LinkResponse {
        public Redirect {
            Objects.requireNonNull(url, "url");
        }
    }

    /**
     * See {@link #page}.
     *
     * @param buttonLabel a button, or null for none
     * @param buttonUrl   where the button leads (an http(s) URL), or null: it posts back to the link (confirm)
     * @param retry       answer 503 and reload after a while
     */
    record Page(String title, List<String> paragraphs, String buttonLabel, String buttonUrl, boolean retry)
            implements LinkResponse {
        public Page {
            Objects.requireNonNull(title, "title");
            paragraphs = List.copyOf(paragraphs);
        }

        /** The same page with a button leading to an http(s) URL, e.g. the platform's checkout. */
        public Page withButton(String label, String url) {
            return new Page(title, paragraphs, Objects.requireNonNull(label), Objects.requireNonNull(url), retry);
        }
    }
}
