package dev.aftersales.plugins.wishlist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShareSubjectTest {

    @Test
    void encodedSubjectParsesBack() {
        ShareSubject subject = new ShareSubject(42, "n0nce-_x");

        assertThat(ShareSubject.parse(subject.encode())).contains(subject);
    }

    @Test
    void subjectsThisFeatureDidNotWriteAreRejected() {
        assertThat(ShareSubject.parse(null)).isEmpty();
        assertThat(ShareSubject.parse("")).isEmpty();
        assertThat(ShareSubject.parse("42")).isEmpty();
        assertThat(ShareSubject.parse("42:")).isEmpty();
        assertThat(ShareSubject.parse(":nonce")).isEmpty();
        assertThat(ShareSubject.parse("x:nonce")).isEmpty();
    }

    @Test
    void aNewNonceMakesADifferentSubject() {
        assertThat(new ShareSubject(1, "a").encode()).isNotEqualTo(new ShareSubject(1, "b").encode());
    }
}
