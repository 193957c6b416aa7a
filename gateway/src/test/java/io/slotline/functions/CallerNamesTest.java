package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallerNamesTest {

    @Test
    void theWholeNameMustMatchNotOneWordOfIt() {
        assertThat(CallerAppointments.sameFullName("Letzter Montag", "Letzter Montag"))
                .isTrue();
        assertThat(CallerAppointments.sameFullName("Letzter Montag", "Montag")).isFalse();
        assertThat(CallerAppointments.sameFullName("Letzter Montag", "Letzter")).isFalse();
        assertThat(CallerAppointments.sameFullName("Letzter Montag", "Letzter Montag Extra"))
                .isFalse();
    }

    @Test
    void titlesOrderCaseAndUmlautSpellingsDoNotMatter() {
        assertThat(CallerAppointments.sameFullName("Jürgen Weiß", "Herr Juergen WEISS"))
                .isTrue();
        assertThat(CallerAppointments.sameFullName("Erika Musterfrau", "Musterfrau, Erika"))
                .isTrue();
        assertThat(CallerAppointments.sameFullName("José Núñez", "Jose Nunez")).isTrue();
    }

    @Test
    void aCustomerWithoutAStoredNameNeverMatches() {
        assertThat(CallerAppointments.sameFullName(null, "Anyone")).isFalse();
        assertThat(CallerAppointments.sameFullName("", "")).isFalse();
        assertThat(CallerAppointments.sameFullName("Frau", "Frau")).isFalse();
    }
}
