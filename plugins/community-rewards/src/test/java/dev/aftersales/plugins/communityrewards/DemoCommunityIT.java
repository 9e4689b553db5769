package dev.aftersales.plugins.communityrewards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The quick start's demo shop shows reviews and an answered question of the boots, with community points. */
class DemoCommunityIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(
                    Path.of(System.getProperty(AftersalesHost.PLUGIN_JAR_PROPERTY)),
                    Path.of(System.getProperty("aftersales.testkit.reviews-jar")))
            .withProperty("aftersales.demo", "true");

    @Test
    void theBootsHaveReviewsAndAnAnsweredQuestionAndAnnasReviewEarnedPoints() {
        GraphQlResult page = host.client("/graphql", Map.of("X-Shop-Id", "demo")).execute("""
                { productReviews(productId: "boots") { summary { average count }
                  reviews(first: 5) { nodes { authorName verifiedBuyer incentivized shopReply { text } } }
                  questions(first: 5) { nodes { text answers { fromShop verifiedBuyer accepted } } } } }""")
                .assertNoErrors();

        assertThat(page.path("productReviews.summary.count").asInt()).isEqualTo(2);
        assertThat(page.path("productReviews.summary.average").asDouble()).isEqualTo(4.5);
        assertThat(page.path("productReviews.reviews.nodes[0].shopReply.text").asString()).contains("leather wax");
        assertThat(page.path("productReviews.reviews.nodes[1].authorName").asString()).isEqualTo("Anna K.");
        assertThat(page.path("productReviews.reviews.nodes[1].verifiedBuyer").asBoolean()).isTrue();
        assertThat(page.path("productReviews.reviews.nodes[1].incentivized").asBoolean()).isTrue();
        assertThat(page.path("productReviews.questions.nodes[0].answers[0].accepted").asBoolean()).isTrue();
        assertThat(page.path("productReviews.questions.nodes[0].answers[1].fromShop").asBoolean()).isTrue();
    }
}
