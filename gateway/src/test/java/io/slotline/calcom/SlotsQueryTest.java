package io.slotline.calcom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SlotsQueryTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void localDayBoundsBecomeUtcInstants() {
        SlotsQuery query = SlotsQuery.forLocalDays(
                EventTypeRef.id(1001), LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 14), BERLIN);

        assertThat(query.start()).isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
        assertThat(query.end()).isEqualTo(Instant.parse("2026-07-14T21:59:59Z"));
        assertThat(query.timeZone()).isEqualTo(BERLIN);
    }

    @Test
    void springForwardDayIsTwentyThreeHoursLong() {
        SlotsQuery query = SlotsQuery.forLocalDays(
                EventTypeRef.id(1001), LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 29), BERLIN);

        assertThat(query.start()).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
        assertThat(query.end()).isEqualTo(Instant.parse("2026-03-29T21:59:59Z"));
        assertThat(Duration.between(query.start(), query.end()).plusSeconds(1)).isEqualTo(Duration.ofHours(23));
    }

    @Test
    void fallBackDayIsTwentyFiveHoursLong() {
        SlotsQuery query = SlotsQuery.forLocalDays(
                EventTypeRef.id(1001), LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 25), BERLIN);

        assertThat(query.start()).isEqualTo(Instant.parse("2026-10-24T22:00:00Z"));
        assertThat(query.end()).isEqualTo(Instant.parse("2026-10-25T22:59:59Z"));
        assertThat(Duration.between(query.start(), query.end()).plusSeconds(1)).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void londonUsesItsOwnOffset() {
        SlotsQuery query = SlotsQuery.forLocalDays(
                EventTypeRef.id(2001),
                LocalDate.of(2026, 1, 12),
                LocalDate.of(2026, 1, 12),
                ZoneId.of("Europe/London"));

        assertThat(query.start()).isEqualTo(Instant.parse("2026-01-12T00:00:00Z"));
        assertThat(query.end()).isEqualTo(Instant.parse("2026-01-12T23:59:59Z"));
    }

    @Test
    void rejectsReversedRanges() {
        assertThatThrownBy(() -> SlotsQuery.forLocalDays(
                        EventTypeRef.id(1), LocalDate.of(2026, 7, 2), LocalDate.of(2026, 7, 1), BERLIN))
                .isInstanceOf(IllegalArgumentException.class);
        Instant t = Instant.parse("2026-07-01T10:00:00Z");
        assertThatThrownBy(() -> SlotsQuery.of(EventTypeRef.id(1), t, t, BERLIN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsMeaninglessEventTypeReferences() {
        assertThatThrownBy(() -> EventTypeRef.id(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventTypeRef.slug("herrenhaarschnitt", " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
