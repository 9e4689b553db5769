package dev.aftersales.host.notify.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.host.notify.templates.RenderedMessage;
import dev.aftersales.host.notify.templates.TemplateProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkTrackingTest {

    private final LinkTracking tracking = new LinkTracking(url -> url.startsWith("https://host/notify/") ? url
            : "https://host/notify/s/click/" + url.length());

    @Test
    void hrefsAndTextUrlsAreTrackedButTheHostsOwnLinksAndPunctuationAreLeftAlone() throws TemplateProblem {
        RenderedMessage message = tracking.apply(new RenderedMessage("Subject https://shop.example/x",
                "<a href=\"https://shop.example/p?a=1&amp;b=2\">x</a> <a href='https://host/notify/s/unsubscribe/t'>u</a>",
                "See https://shop.example/p?a=1&b=2. Or (https://shop.example/q)"));

        assertThat(message.subject()).isEqualTo("Subject https://shop.example/x");
        assertThat(message.html()).isEqualTo("<a href=\"https://host/notify/s/click/30\">x</a> "
                + "<a href='https://host/notify/s/unsubscribe/t'>u</a>");
        assertThat(message.text()).isEqualTo("See https://host/notify/s/click/30. Or (https://host/notify/s/click/22)");
    }

    @Test
    void anUnquotedHttpLinkIsTrackedToo() throws TemplateProblem {
        assertThat(tracking.apply(new RenderedMessage("s", "<a HREF=https://shop.example/p>x</a>", "t")).html())
                .isEqualTo("<a HREF=\"https://host/notify/s/click/22\">x</a>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<a href=\"javascript:alert(1)\">x</a>", "<a href=' JavaScript:alert(1)'>x</a>",
            "<a href=javascript:alert(1)>x</a>", "<a href=\"&#106;avascript:alert(1)\">x</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>", "<a href=\"/relative\">x</a>",
            "<a href=\"mailto:a@example.com\">x</a>", "<a\nhref=\"vbscript:x\">x</a>", "<a href=\"https:///x\">x</a>"})
    void aLinkThatIsNotHttpRefusesTheMessage(String html) {
        assertThatThrownBy(() -> tracking.apply(new RenderedMessage("s", html, "t")))
                .isInstanceOf(TemplateProblem.class).hasMessageContaining("not an http(s) URL");
    }
}
