package dev.aftersales.plugins.winback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The quick start's demo shop has a lapsed customer in a win-back sequence and a lift report to read. */
class DemoWinBackIT {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPluginUnderTest().withProperty("aftersales.demo", "true");

    @Test
    void carlaIsRemindedAndThePriceAlertLiftReportHasAVerdict() {
        GraphQlResult demo = host.platformAdmin().execute("""
                { shop(id: "demo") {
                    winBackSequences(customerId: "carla") { state lapseRule }
                    holdouts { groups { feature sharePercent }
                      liftReport(feature: "price-alert", from: "2020-01-01T00:00:00Z") {
                        verdict message treated { customers } heldOut { customers } } } } }""").assertNoErrors();

        assertThat(demo.path("shop.winBackSequences[0].state").asString()).isEqualTo("REMINDED");
        assertThat(demo.path("shop.winBackSequences[0].lapseRule").asString())
                .isEqualTo("max(120 days, 3 x 50 days between orders) = 150 days without an order");
        assertThat(demo.path("shop.holdouts.groups[0].sharePercent").asInt()).isEqualTo(20);
        assertThat(demo.path("shop.holdouts.liftReport.treated.customers").asInt()).isEqualTo(960);
        assertThat(demo.path("shop.holdouts.liftReport.heldOut.customers").asInt()).isEqualTo(240);
        assertThat(demo.path("shop.holdouts.liftReport.verdict").asString()).isNotEqualTo("TOO_FEW_CUSTOMERS");
    }
}
