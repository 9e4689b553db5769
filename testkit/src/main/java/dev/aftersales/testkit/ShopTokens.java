package dev.aftersales.testkit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * The identity provider of one test shop: its own RSA key, published as a JWKS on the WireMock shop platform, and
 * customer tokens signed with it. Tokens use the real time, not the host's test clock.
 */
final class ShopTokens {

    private final String issuer;
    private final String jwksUrl;
    private final RSAKey key;

    ShopTokens(String shopId, WireMockServer platform) {
        this.issuer = "https://" + shopId + ".shop.test";
        String path = "/shops/" + shopId + "/jwks.json";
        this.jwksUrl = platform.baseUrl() + path;
        try {
            this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a test key", e);
        }
        platform.stubFor(WireMock.get(path).willReturn(WireMock.okJson(new JWKSet(key.toPublicJWK()).toString())));
    }

    String issuer() {
        return issuer;
    }

    String jwksUrl() {
        return jwksUrl;
    }

    String token(String customerId) {
        return sign(customerId, issuer, Instant.now().plus(Duration.ofHours(1)));
    }

    String sign(String customerId, String tokenIssuer, Instant expiresAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(tokenIssuer)
                .subject(customerId)
                .issueTime(Date.from(expiresAt.minus(Duration.ofHours(1))))
                .expirationTime(Date.from(expiresAt))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a test token", e);
        }
        return jwt.serialize();
    }
}
