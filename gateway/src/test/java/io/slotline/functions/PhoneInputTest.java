package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneInputTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "+49 151 2345678     | +4930120000   | +491512345678",
                "0049 (151) 234-5678 | +4930120000   | +491512345678",
                "0151/2345678        | +4930120000   | +491512345678",
                "07700 900123        | +442071230000 | +447700900123",
                "0201 555 0123       | +12025550100  | +12015550123",
                "0123 456789         | +35312345678  | +353123456789",
            })
    void readsInternationalAndNationalForms(String spoken, String caller, String expected) {
        assertThat(PhoneInput.e164(spoken, caller)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "0151 2345678   | null",
                "12345          | +4930120000",
                "+49 abc        | +4930120000",
                "+0 151 2345678 | +4930120000",
            })
    void refusesWhatIsNoNumber(String spoken, String caller) {
        assertThat(PhoneInput.e164(spoken, caller)).isEmpty();
    }
}
