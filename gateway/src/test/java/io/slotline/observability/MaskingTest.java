package io.slotline.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void phoneKeepsCountryCodeAndLastTwoDigits() {
        assertThat(Masking.phone("+4930120000")).isEqualTo("+49******00");
    }

    @Test
    void phoneFormattingIsRemovedBeforeMaskingSoNoDigitLeaksThroughASeparator() {
        assertThat(Masking.phone("+49 (30) 120-000 17")).isEqualTo("+49********17");
    }

    @Test
    void shortPhoneNumbersAreMaskedCompletely() {
        assertThat(Masking.phone("11833")).isEqualTo("*****");
        assertThat(Masking.phone("")).isEmpty();
    }

    @Test
    void emailKeepsFirstLetterAndDomainAndHidesTheLocalPartsLength() {
        assertThat(Masking.email("max@example.com")).isEqualTo("m***@example.com");
        assertThat(Masking.email("maximilian.mustermann@example.com")).isEqualTo("m***@example.com");
    }

    @Test
    void malformedEmailIsHiddenEntirely() {
        assertThat(Masking.email("not-an-email")).isEqualTo("***");
        assertThat(Masking.email("@example.com")).isEqualTo("***");
    }

    @Test
    void nullStaysNull() {
        assertThat(Masking.phone(null)).isNull();
        assertThat(Masking.email(null)).isNull();
    }
}
