package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallbackNumbersTest {

    @Test
    void separatorsGoAndInternationalPrefixBecomesPlus() {
        assertThat(CallbackNumbers.normalise("+49 30 123 456-7")).isEqualTo("+49301234567");
        assertThat(CallbackNumbers.normalise("0049 (30) 1234567")).isEqualTo("+49301234567");
        assertThat(CallbackNumbers.normalise("030 / 123 45 67")).isEqualTo("0301234567");
    }

    @Test
    void nothingDiallableIsNoNumber() {
        assertThat(CallbackNumbers.normalise(null)).isNull();
        assertThat(CallbackNumbers.normalise("anonymous")).isNull();
        assertThat(CallbackNumbers.normalise("12")).isNull();
        assertThat(CallbackNumbers.normalise("ruf mich an")).isNull();
    }

    @Test
    void namesMatchIgnoringTitlesCaseAndUmlautSpellings() {
        assertThat(CallerAppointments.nameTokens("Frau Jürgens-Müller")).containsExactly("juergens", "mueller");
        assertThat(CallerAppointments.nameTokens("Mr. José Ñúñez")).containsExactly("jose", "nunez");
        assertThat(CallerAppointments.nameTokens("Max Mustermann"))
                .containsAll(CallerAppointments.nameTokens("herr mustermann"));
    }
}
