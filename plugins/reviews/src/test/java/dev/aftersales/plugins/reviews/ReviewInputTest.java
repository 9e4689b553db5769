package dev.aftersales.plugins.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReviewInputTest {

    private static final ReviewsSettings AUTO = new ReviewsSettings(false, true, 3, 5, Duration.ofDays(14),
            Duration.ofDays(60), 3, Duration.ofDays(7), 1, "https://shop.example/review", true, false);

    @Test
    void photoUrlsMustBeAbsoluteHttpUrlsWithoutUserInfo() {
        assertThat(HttpUrls.isHttp("https://img.example/a.jpg")).isTrue();
        assertThat(HttpUrls.isHttp("HTTP://img.example/a.jpg")).isTrue();
        assertThat(HttpUrls.isHttp("javascript:alert(1)")).isFalse();
        assertThat(HttpUrls.isHttp("data:image/png;base64,AAAA")).isFalse();
        assertThat(HttpUrls.isHttp("//img.example/a.jpg")).isFalse();
        assertThat(HttpUrls.isHttp("https://user:pw@img.example/a.jpg")).isFalse();
        assertThat(HttpUrls.isHttp("https://img.example/" + "a".repeat(HttpUrls.MAX_LENGTH))).isFalse();
    }

    @Test
    void autoApprovalNeedsAVerifiedBuyerEnoughStarsAndNoLink() {
        ReviewInput good = ReviewInput.check(Map.of("rating", 4, "text", "Warm"), 5).review();
        ReviewInput low = ReviewInput.check(Map.of("rating", 2, "text", "Cold"), 5).review();
        ReviewInput link = ReviewInput.check(Map.of("rating", 5, "text", "Cheaper at www.other.example"), 5).review();

        assertThat(good.autoApproved(AUTO, true)).isTrue();
        assertThat(good.autoApproved(AUTO, false)).isFalse();
        assertThat(low.autoApproved(AUTO, true)).isFalse();
        assertThat(link.autoApproved(AUTO, true)).isFalse();
    }

    @Test
    void everyProblemIsReportedAndNoReviewIsMade() {
        ReviewInput.Checked checked = ReviewInput.check(Map.of("rating", 7, "title", "t".repeat(201),
                "photoUrls", List.of("https://a.example/1.jpg", "https://a.example/2.jpg")), 1);

        assertThat(checked.review()).isNull();
        assertThat(checked.errors()).extracting(error -> error.code())
                .containsExactly("INVALID_RATING", "INVALID", "TOO_MANY_PHOTOS");
    }
}
