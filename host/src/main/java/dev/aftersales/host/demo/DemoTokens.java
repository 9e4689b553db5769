package dev.aftersales.host.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Demo mode only: stands in for the shop platform's identity provider, so a frontend developer can get a customer
 * token with one curl. The key lives in memory; tokens die with the process. Never active outside demo mode.
 */
@RestController
@ConditionalOnProperty(name = "aftersales.demo", havingValue = "true")
public class DemoTokens {

    public static final String ISSUER = "aftersales-demo";
    private static final Duration LIFETIME = Duration.ofHours(12);

    private final RSAKey key;
    private final Clock clock;

    public DemoTokens(Clock clock) throws JOSEException {
        this.clock = clock;
        this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    }

    /** The public key set the demo shop verifies customer tokens against. */
    @GetMapping("/demo/jwks.json")
    public Map<String, Object> jwks() {
        return new JWKSet(key.toPublicJWK()).toJSONObject();
    }

    /** A customer token for the demo shop, e.g. {@code curl -X POST 'localhost:8080/demo/token?customer=anna'}. */
    @PostMapping("/demo/token")
    public Map<String, Object> token(@RequestParam(defaultValue = "anna") String customer) throws JOSEException {
        return Map.of("token", sign(customer), "customer", customer, "expiresIn", LIFETIME.toSeconds());
    }

    String sign(String customer) throws JOSEException {
        Date now = Date.from(clock.instant());
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder()
                        .issuer(ISSUER)
                        .subject(customer)
                        .issueTime(now)
                        .expirationTime(Date.from(clock.instant().plus(LIFETIME)))
                        .build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
