package io.slotline.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            de    | DE
            de-DE | DE
            DE_at | DE
            en    | EN
            en-GB | EN
            fr    | DE
            ''    | DE
            -     | DE
            """)
    void mapsLanguageTagsWithFallback(String tag, Language expected) {
        assertThat(Language.fromTag(tag, Language.DE)).isEqualTo(expected);
    }
}
