package dev.aftersales.plugins.connectorrest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aftersales.api.platform.CartLine;
import dev.aftersales.api.platform.CartRequest;
import dev.aftersales.api.platform.CouponRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {

    @Test
    void aGuestCartSendsANullCustomer() {
        Map<String, Object> body = WebhookReaderTest.json(
                RequestBodies.cart(new CartRequest(null, List.of(new CartLine("v-1", 1)))));

        assertThat(body).containsEntry("customerId", null).containsKey("lines");
    }

    @Test
    void aPercentageCouponSendsItsValueAsADecimalStringAndNoCurrency() {
        Map<String, Object> body = WebhookReaderTest.json(RequestBodies.coupon(new CouponRequest("c-1",
                CouponRequest.Kind.PERCENTAGE, new BigDecimal("15"), null, null, "winback:c-1")));

        assertThat(body).containsEntry("kind", "PERCENTAGE").containsEntry("value", "15")
                .containsEntry("currency", null).containsEntry("expiresAt", null)
                .containsEntry("reason", "winback:c-1");
    }

    @Test
    void aFixedAmountCouponNeedsACurrency() {
        assertThatThrownBy(() -> RequestBodies.coupon(new CouponRequest("c-1", CouponRequest.Kind.FIXED_AMOUNT,
                BigDecimal.TEN, null, Instant.parse("2027-01-01T00:00:00Z"), "r")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCouponKeyIsTheSameForTheSameReasonInTheSameShopOnly() {
        CouponRequest request = coupon("referral:r-9");

        String key = RequestBodies.couponKey("shop-a", request);

        assertThat(key).matches("coupon-[0-9a-f]{64}");
        assertThat(RequestBodies.couponKey("shop-a", coupon("referral:r-9"))).isEqualTo(key);
        assertThat(RequestBodies.couponKey("shop-b", request)).isNotEqualTo(key);
        assertThat(RequestBodies.couponKey("shop-a", coupon("referral:r-10"))).isNotEqualTo(key);
    }

    @Test
    void aCouponWithoutReasonGetsANewKeyEachTime() {
        assertThat(RequestBodies.couponKey("shop-a", coupon(null)))
                .isNotEqualTo(RequestBodies.couponKey("shop-a", coupon(null)));
    }

    private static CouponRequest coupon(String reason) {
        return new CouponRequest("c-1", CouponRequest.Kind.FIXED_AMOUNT, new BigDecimal("10.00"), "EUR", null, reason);
    }
}
