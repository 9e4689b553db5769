package dev.aftersales.plugins.referral;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailsTest {

    @Test
    void gmailStyleAddressesLoseDotsTagsAndCase() {
        assertThat(Emails.key(" A.Nna+shop@GoogleMail.com ")).isEqualTo("anna@gmail.com");
        assertThat(Emails.key("anna@gmail.com")).isEqualTo("anna@gmail.com");
    }

    @Test
    void otherProvidersKeepDotsButLoseTagsAndCase() {
        assertThat(Emails.key("Anna.Berg+x@Example.org")).isEqualTo("anna.berg@example.org");
        assertThat(Emails.key("anna.berg@example.org")).isNotEqualTo(Emails.key("annaberg@example.org"));
    }

    @Test
    void maskedAddressesShowTheFirstLettersAndTheTopLevelDomain() {
        assertThat(Emails.masked("ben@example.org")).isEqualTo("b***@e***.org");
    }
}
