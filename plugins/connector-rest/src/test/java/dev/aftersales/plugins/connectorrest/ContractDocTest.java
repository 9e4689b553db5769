package dev.aftersales.plugins.connectorrest;

import static org.assertj.core.api.Assertions.assertThat;

import com.grack.nanojson.JsonObject;
import com.grack.nanojson.JsonParser;
import com.grack.nanojson.JsonParserException;
import dev.aftersales.api.platform.CartLine;
import dev.aftersales.api.platform.CartRequest;
import dev.aftersales.api.platform.CouponRequest;
import dev.aftersales.api.platform.PlatformFact;
import dev.aftersales.api.platform.WebhookDelivery;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/connector-contract.md is what other platforms implement: every JSON example in it is read (or written) by this
 * connector exactly as shown, and its worked signature example is right.
 */
class ContractDocTest {

    private static final Path DOC = Path.of("..", "..", "docs", "connector-contract.md");
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

    private static String doc;
    private static List<JsonObject> examples;

    @BeforeAll
    static void readTheDoc() throws IOException, JsonParserException {
        doc = Files.readString(DOC);
        examples = new ArrayList<>();
        Matcher blocks = JSON_BLOCK.matcher(doc);
        while (blocks.find()) {
            examples.add(JsonParser.object().from(blocks.group(1)));
        }
        assertThat(examples).hasSizeGreaterThan(15);
    }

    @Test
    void everyEventTypeHasAnExampleAndEveryExampleIsReadAsItsFact() {
        TreeSet<String> typesShown = new TreeSet<>();
        for (JsonObject envelope : examples) {
            if (!envelope.containsKey("type")) {
                continue;
            }
            String type = envelope.getString("type");
            List<PlatformFact> facts = new WebhookReader().read(new WebhookDelivery(envelope.getString("id"), type,
                    Instant.parse(envelope.getString("occurredAt")), envelope.getObject("data")));
            assertThat(facts).as(type).hasSize(1);
            typesShown.add(type);
        }

        assertThat(typesShown).containsExactlyInAnyOrderElementsOf(WebhookReader.TYPES);
    }

    @Test
    void theAnswerExamplesAreReadable() {
        assertThat(examples.stream().filter(e -> e.containsKey("productName") && !e.containsKey("type"))
                .map(e -> PlatformPayloads.variant(JsonFields.of(e, "")))).hasSize(1);
        assertThat(examples.stream().filter(e -> e.containsKey("placedAt") && !e.containsKey("type"))
                .map(e -> PlatformPayloads.order(JsonFields.of(e, "")))).hasSize(1);
        assertThat(examples.stream().filter(e -> e.containsKey("checkoutUrl"))
                .map(e -> PlatformPayloads.cart(JsonFields.of(e, "")))).hasSize(1);
        assertThat(examples.stream().filter(e -> e.containsKey("code") && !e.containsKey("type"))
                .map(e -> PlatformPayloads.coupon(JsonFields.of(e, "")))).hasSize(1);
    }

    @Test
    void theRequestExamplesAreWhatTheConnectorSends() throws JsonParserException {
        JsonObject cart = only(e -> e.containsKey("lines") && !e.containsKey("id") && !e.containsKey("type"));
        JsonObject coupon = only(e -> e.containsKey("kind"));

        assertThat(JsonParser.object().from(RequestBodies.cart(new CartRequest("c-42",
                List.of(new CartLine("v-1", 2), new CartLine("v-2", 1)))))).isEqualTo(cart);
        assertThat(JsonParser.object().from(RequestBodies.coupon(couponRequest()))).isEqualTo(coupon);
    }

    @Test
    void theCouponKeyExampleIsTheConnectorsKey() {
        String key = RequestBodies.couponKey("demo", couponRequest());

        assertThat(key).isEqualTo("coupon-950f12ea90ef5df8cf5c810a260f031e1206acbdb912c2d9550573a7af075664");
        assertThat(doc).contains("Idempotency-Key: " + key);
    }

    @Test
    void theWorkedSignatureExampleIsRight() throws Exception {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String body = "{\"id\":\"evt_2Yk9fQ8wLx\",\"type\":\"stock.changed\",\"occurredAt\":\"2026-11-23T10:16:00Z\","
                + "\"data\":{\"variantId\":\"v-1\",\"stock\":0,\"updatedAt\":\"2026-11-23T10:16:00Z\"}}";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signature = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal(("evt_2Yk9fQ8wLx.1795428960." + body).getBytes(StandardCharsets.UTF_8)));

        assertThat(doc).contains("secret:            " + secret)
                .contains("body:              " + body)
                .contains("webhook-signature: " + signature);
        assertThat(Instant.ofEpochSecond(1795428960)).isEqualTo(Instant.parse("2026-11-23T10:16:00Z"));
    }

    private static CouponRequest couponRequest() {
        return new CouponRequest("c-42", CouponRequest.Kind.FIXED_AMOUNT, new BigDecimal("10.00"), "EUR",
                Instant.parse("2026-12-31T23:59:59Z"), "referral:r-9");
    }

    private static JsonObject only(Predicate<Map<String, Object>> which) {
        List<JsonObject> found = examples.stream().filter(which::test).toList();
        assertThat(found).hasSize(1);
        return found.getFirst();
    }
}
