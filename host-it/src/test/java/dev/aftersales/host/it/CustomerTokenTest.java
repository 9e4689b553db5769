package dev.aftersales.host.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftersales.testkit.AftersalesHost;
import dev.aftersales.testkit.GraphQlResult;
import dev.aftersales.testkit.TestShop;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CustomerTokenTest {

    @RegisterExtension
    static final AftersalesHost host = AftersalesHost.withPlugins(FixturePlugins.greeting());

    private static final String VIEWER = "{ viewer { id } }";

    @Test
    void aValidTokenOfTheShopNamesTheCustomer(TestShop shop) {
        assertThat(shop.storefront("anna").execute(VIEWER).assertNoErrors().path("viewer.id").asString())
                .isEqualTo("anna");
    }

    @Test
    void withoutATokenTheRequestActsAsGuest(TestShop shop) {
        assertThat(shop.storefront().execute(VIEWER).assertNoErrors().path("viewer").isNull()).isTrue();
    }

    @Test
    void anExpiredTokenIsRefused(TestShop shop) {
        String expired = shop.customerToken("anna", "https://" + shop.id() + ".shop.test",
                Instant.now().minus(Duration.ofMinutes(5)));

        GraphQlResult result = shop.storefront().withHeader("Authorization", "Bearer " + expired).execute(VIEWER);

        assertThat(result.status()).isEqualTo(401);
        assertThat(result.errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(result.errors().getFirst().path("message").asString()).contains("expired");
    }

    @Test
    void aTokenWithAnotherIssuerIsRefused(TestShop shop) {
        String foreign = shop.customerToken("anna", "https://elsewhere.test", Instant.now().plusSeconds(600));

        GraphQlResult result = shop.storefront().withHeader("Authorization", "Bearer " + foreign).execute(VIEWER);

        assertThat(result.status()).isEqualTo(401);
        assertThat(result.errorCodes()).containsExactly("UNAUTHENTICATED");
    }

    @Test
    void aTokenOfAnotherShopIsRefused(TestShop shop, TestShop otherShop) {
        GraphQlResult result = shop.storefront()
                .withHeader("Authorization", "Bearer " + otherShop.customerToken("anna"))
                .execute(VIEWER);

        assertThat(result.status()).isEqualTo(401);
        assertThat(result.errorCodes()).containsExactly("UNAUTHENTICATED");
    }

    @Test
    void aMalformedTokenIsRefused(TestShop shop) {
        GraphQlResult result = shop.storefront().withHeader("Authorization", "Bearer not-a-jwt").execute(VIEWER);

        assertThat(result.status()).isEqualTo(401);
        assertThat(result.errorCodes()).containsExactly("UNAUTHENTICATED");
    }

    @Test
    void anUnknownShopIsNamedInTheError(TestShop shop) {
        GraphQlResult result = shop.storefront().withHeader("X-Shop-Id", "no-such-shop").execute(VIEWER);

        assertThat(result.errorCodes()).containsExactly("SHOP_NOT_FOUND");
        assertThat(result.errors().getFirst().path("message").asString()).contains("no-such-shop");
        assertThat(shop.storefront().withoutHeader("X-Shop-Id").execute(VIEWER).errorCodes())
                .containsExactly("SHOP_NOT_FOUND");
    }
}
