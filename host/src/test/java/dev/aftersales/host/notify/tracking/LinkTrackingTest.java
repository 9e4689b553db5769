package dev.aftersales.host.notify.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.host.notify.templates.RenderedMessage;
import org.junit.jupiter.api.Test;

class LinkTrackingTest {

    private final LinkTracking tracking = new LinkTracking(url -> url.startsWith("https://host/notify/") ? url
            : "https://host/notify/s/click/" + url.length());

    @Test
    void hrefsAndTextUrlsAreTrackedButTheHostsOwnLinksAndPunctuationAreLeftAlone() {
        RenderedMessage message = tracking.apply(new RenderedMessage("Subject https://shop.example/x",
                "<a href=\"https://shop.example/p?a=1&amp;b=2\">x</a> <a href='https://host/notify/s/unsubscribe/t'>u</a>",
                "See https://shop.example/p?a=1&b=2. Or (https://shop.example/q)"));

        assertThat(message.subject()).isEqualTo("Subject https://shop.example/x");
        assertThat(message.html()).isEqualTo("<a href=\"https://host/notify/s/click/30\">x</a> "
                + "<a href='https://host/notify/s/unsubscribe/t'>u</a>");
        assertThat(message.text()).isEqualTo("See https://host/notify/s/click/30. Or (https://host/notify/s/click/22)");
    }
}
