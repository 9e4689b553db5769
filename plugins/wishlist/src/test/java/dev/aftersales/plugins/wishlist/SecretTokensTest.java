package dev.aftersales.plugins.wishlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretTokensTest {

    private final SecretTokens tokens = new SecretTokens();

    @Test
    void guestTokensAreUrlSafeAndHaveTheExpectedShape() {
        String token = tokens.next(SecretTokens.GUEST_TOKEN_BYTES);

        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(SecretTokens.hasShape(token, SecretTokens.GUEST_TOKEN_BYTES)).isTrue();
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(tokens.next(SecretTokens.SHARE_NONCE_BYTES))).isTrue();
        }
    }

    @Test
    void malformedTokensHaveNoShape() {
        assertThat(SecretTokens.hasShape(null, 32)).isFalse();
        assertThat(SecretTokens.hasShape("", 32)).isFalse();
        assertThat(SecretTokens.hasShape("a".repeat(42), 32)).isFalse();
        assertThat(SecretTokens.hasShape("a".repeat(42) + "=", 32)).isFalse();
        assertThat(SecretTokens.hasShape("' OR 1=1 --", 32)).isFalse();
    }

    @Test
    void hashIsStableHexSha256() {
        assertThat(SecretTokens.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(SecretTokens.sha256("abc")).hasSize(64);
    }
}
