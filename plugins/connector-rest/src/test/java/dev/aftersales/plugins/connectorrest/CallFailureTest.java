package dev.aftersales.plugins.connectorrest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallFailureTest {

    @Test
    void durationsReadAsSeconds() {
        assertThat(CallFailure.seconds(Duration.ofMillis(2000))).isEqualTo("2 s");
        assertThat(CallFailure.seconds(Duration.ofMillis(500))).isEqualTo("0.5 s");
        assertThat(CallFailure.seconds(Duration.ofMillis(1250))).isEqualTo("1.25 s");
        assertThat(CallFailure.seconds(Duration.ofSeconds(30))).isEqualTo("30 s");
    }

    @Test
    void onlyFailuresThatMaySucceedLaterAreRetryable() {
        assertThat(new CallFailure(CallFailure.Kind.TIMEOUT, "t").toPlatformException().retryable()).isTrue();
        assertThat(new CallFailure(CallFailure.Kind.SERVER_ERROR, "s").toPlatformException().retryable()).isTrue();
        assertThat(new CallFailure(CallFailure.Kind.BUSY, "b").toPlatformException().retryable()).isTrue();
        assertThat(new CallFailure(CallFailure.Kind.REFUSED, "r").toPlatformException().retryable()).isFalse();
        assertThat(new CallFailure(CallFailure.Kind.UNREADABLE, "u").toPlatformException().retryable()).isFalse();
    }
}
