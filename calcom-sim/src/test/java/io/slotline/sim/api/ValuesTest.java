package io.slotline.sim.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void isoDatesAndTimesWithOrWithoutOffsetAreAccepted() {
        assertThat(Values.instant("2050-09-05")).contains(Instant.parse("2050-09-05T00:00:00Z"));
        assertThat(Values.instant("2050-09-05T09:00:00Z")).contains(Instant.parse("2050-09-05T09:00:00Z"));
        assertThat(Values.instant("2050-09-05T09:00:00.000+02:00")).contains(Instant.parse("2050-09-05T07:00:00Z"));
        assertThat(Values.instant("2050-09-05T09:00")).contains(Instant.parse("2050-09-05T09:00:00Z"));
        assertThat(Values.instant("2050-09-05T09:00:00+0200")).contains(Instant.parse("2050-09-05T07:00:00Z"));
    }

    @Test
    void nonsenseIsRejected() {
        assertThat(Values.instant("tomorrow")).isEmpty();
        assertThat(Values.instant("2050-13-05")).isEmpty();
        assertThat(Values.instant("2050-09-05T25:00:00Z")).isEmpty();
        assertThat(Values.instant((String) null)).isEmpty();
    }

    @Test
    void parseIntReadsLeadingDigitsLikeJavascript() {
        assertThat(Values.jsParseInt("1001")).isEqualTo(1001L);
        assertThat(Values.jsParseInt(" 42abc")).isEqualTo(42L);
        assertThat(Values.jsParseInt("abc")).isNull();
    }

    @Test
    void phoneNumbersMustBeE164() {
        assertThat(Values.isE164("+4915112345678")).isTrue();
        assertThat(Values.isE164("015112345678")).isFalse();
        assertThat(Values.isE164("+49 151 1234")).isFalse();
    }
}
