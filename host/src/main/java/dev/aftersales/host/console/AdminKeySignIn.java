package dev.aftersales.host.console;

import dev.aftersales.host.admin.AdminKeys;
import dev.aftersales.host.admin.Operator;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Signs an operator in to the console with an admin API key, exactly as the operator API authenticates it
 * ({@link AdminKeys}); failed attempts are counted per client address and limited.
 */
class AdminKeySignIn implements AuthenticationProvider {

    private final AdminKeys keys;
    private final SignInAttempts attempts;

    AdminKeySignIn(AdminKeys keys, SignInAttempts attempts) {
        this.keys = keys;
        this.attempts = attempts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String client = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        if (attempts.blocked(client)) {
            attempts.rateLimited(client);
            throw new LockedException("Too many failed sign-ins");
        }
        String key = String.valueOf(authentication.getCredentials()).trim();
        Operator operator = keys.authenticate(key).orElse(null);
        if (operator == null) {
            attempts.failed(client);
            throw new BadCredentialsException("Unknown or revoked admin key");
        }
        String role = operator.isPlatform() ? "ROLE_PLATFORM" : "ROLE_SHOP_ADMIN";
        return UsernamePasswordAuthenticationToken.authenticated(operator, null,
                List.of(new SimpleGrantedAuthority(role)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
