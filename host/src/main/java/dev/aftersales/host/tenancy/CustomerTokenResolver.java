package dev.aftersales.host.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aftersales.host.graphql.ShopRequestInterceptor;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.stereotype.Component;

/**
 * Verifies a customer token against the shop the request names: that shop's issuer and JWKS (Spring Security's
 * resource server, one issuer per shop). A token issued for another shop fails on issuer or signature.
 */
@Component
public class CustomerTokenResolver implements AuthenticationManagerResolver<HttpServletRequest> {

    private final ShopDirectory shops;
    private final Cache<TokenSource, AuthenticationManager> managers = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    public CustomerTokenResolver(ShopDirectory shops) {
        this.shops = shops;
    }

    @Override
    public AuthenticationManager resolve(HttpServletRequest request) {
        Optional<Shop> shop = shops.find(request.getHeader(ShopRequestInterceptor.SHOP_HEADER));
        if (shop.isEmpty()) {
            return authentication -> {
                throw new InvalidBearerTokenException("A customer token needs a known shop in the "
                        + ShopRequestInterceptor.SHOP_HEADER + " header");
            };
        }
        if (!shop.get().acceptsCustomerTokens()) {
            return authentication -> {
                throw new InvalidBearerTokenException("Shop '" + shop.get().id()
                        + "' has no token issuer configured; send requests without a token (as a guest)");
            };
        }
        return managers.get(new TokenSource(shop.get().jwtIssuer(), shop.get().jwksUrl()), CustomerTokenResolver::manager);
    }

    private static AuthenticationManager manager(TokenSource source) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(source.jwksUrl()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(source.issuer()));
        return new JwtAuthenticationProvider(decoder)::authenticate;
    }

    private record TokenSource(String issuer, String jwksUrl) {
    }
}
