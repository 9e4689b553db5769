package dev.aftersales.host.links;

import dev.aftersales.api.Links;
import dev.aftersales.host.config.AftersalesProperties;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * HMAC-SHA256 signed tokens: {@code base64url(subject|expiry).base64url(hmac(shop|purpose|subject|expiry))}. The
 * shop and purpose are signed but not carried, so a token cannot move to another shop or purpose.
 */
@Component
public class SignedLinks {

    private static final Logger log = LoggerFactory.getLogger(SignedLinks.class);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Clock clock;

    public SignedLinks(AftersalesProperties properties, Clock clock) {
        this.clock = clock;
        byte[] secret = properties.linkSecret().getBytes(StandardCharsets.UTF_8);
        if (secret.length == 0) {
            // tokens then last as long as this process; fine for a demo, wrong for production (documented)
            log.warn("aftersales.link-secret is not set: signed links will not survive a restart");
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public Links forShop(String shopId) {
        return new Links() {
            @Override
            public String sign(String purpose, String subject, Instant expiresAt) {
                String payload = subject + "|" + (expiresAt == null ? "" : expiresAt.getEpochSecond());
                return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                        + ENCODER.encodeToString(mac(shopId, purpose, payload));
            }

            @Override
            public Optional<String> verify(String purpose, String token) {
                return SignedLinks.this.verify(shopId, purpose, token);
            }
        };
    }

    private Optional<String> verify(String shopId, String purpose, String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        try {
            String payload = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(shopId, purpose, payload))) {
                return Optional.empty();
            }
            int bar = payload.lastIndexOf('|');
            String expiry = payload.substring(bar + 1);
            if (!expiry.isEmpty() && clock.instant().getEpochSecond() > Long.parseLong(expiry)) {
                return Optional.empty();
            }
            return Optional.of(payload.substring(0, bar));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not base64 or not a number: a forged token
        }
    }

    private byte[] mac(String shopId, String purpose, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((shopId + "|" + purpose + "|" + payload).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
