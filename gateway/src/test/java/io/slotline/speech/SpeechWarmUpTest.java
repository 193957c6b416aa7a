package io.slotline.speech;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class SpeechWarmUpTest {

    @Test
    void warmUpPhrasesParseWithoutFailing() {
        assertThatCode(() -> new SpeechWarmUp().warmUp()).doesNotThrowAnyException();
    }
}
