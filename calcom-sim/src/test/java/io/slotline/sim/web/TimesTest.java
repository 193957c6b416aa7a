package io.slotline.sim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesTest {

    private static final Instant SUMMER = Instant.parse("2050-09-05T07:00:00Z");
    private static final Instant WINTER = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void slotTimesFollowLuxon() {
        assertThat(Times.luxon(SUMMER, "Europe/Rome")).isEqualTo("2050-09-05T09:00:00.000+02:00");
        assertThat(Times.luxon(SUMMER, null)).isEqualTo("2050-09-05T07:00:00.000Z");
        assertThat(Times.luxon(SUMMER, "UTC")).isEqualTo("2050-09-05T07:00:00.000Z");
        assertThat(Times.luxon(WINTER, "Europe/London")).isEqualTo("2026-01-05T09:00:00.000+00:00");
        assertThat(Times.luxon(WINTER, "America/New_York")).isEqualTo("2026-01-05T04:00:00.000-05:00");
    }

    @Test
    void webhookTimesUseDayjsFormats() {
        Instant start = Instant.parse("2024-01-01T10:00:00.123Z");

        assertThat(Times.webhookUtc(start)).isEqualTo("2024-01-01T10:00:00Z");
        assertThat(Times.webhookOffset(start)).isEqualTo("2024-01-01T10:00:00+00:00");
        assertThat(Times.iso(start)).isEqualTo("2024-01-01T10:00:00.123Z");
    }
}
