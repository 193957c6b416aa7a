package io.slotline.availability;

import static io.slotline.availability.AvailabilityFixture.BERLIN;
import static io.slotline.availability.AvailabilityFixture.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotline.calcom.FakeCalcom;
import io.slotline.calcom.SlotsQuery;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NaiveAvailabilityTest {

    private final AvailabilityFixture fixture = new AvailabilityFixture();
    private final FakeCalcom calcom = fixture.calcom;
    private final NaiveAvailability naive = new NaiveAvailability(new SlotsFetcher(calcom), fixture.clock);

    @Test
    void asksCalcomOncePerDayOneDayAtATime() {
        Availability answer = naive.freeSlots(fixture.live(TODAY, TODAY.plusDays(13)));

        assertThat(answer.days()).hasSize(14);
        assertThat(calcom.slotsCalls()).isEqualTo(14);
        for (int i = 0; i < 14; i++) {
            SlotsQuery query = calcom.queries().get(i);
            LocalDate day = TODAY.plusDays(i);
            assertThat(query.start()).isEqualTo(day.atStartOfDay(BERLIN).toInstant());
            assertThat(query.end())
                    .isEqualTo(day.plusDays(1).atStartOfDay(BERLIN).toInstant().minusSeconds(1));
        }
    }

    @Test
    void neverCaches() {
        naive.freeSlots(fixture.live(TODAY, TODAY));
        naive.freeSlots(fixture.live(TODAY, TODAY));

        assertThat(calcom.slotsCalls()).isEqualTo(2);
    }

    @Test
    void givesTheSameAnswersAsTheCache() {
        calcom.take(AvailabilityFixture.at(TODAY.plusDays(2), 10));
        try (CachedAvailability cached = fixture.cached(calcom)) {
            Availability fromCache = cached.freeSlots(fixture.live(TODAY, TODAY.plusDays(13)));
            Availability fromNaive = naive.freeSlots(fixture.live(TODAY, TODAY.plusDays(13)));

            assertThat(fromNaive.days()).isEqualTo(fromCache.days());
            assertThat(fromNaive.stale()).isEqualTo(fromCache.stale());
        }
    }

    @Test
    void calcomFailureIsCalendarUnavailable() {
        calcom.failWith(() -> FakeCalcom.serverError("demo-salon"));

        assertThatThrownBy(() -> naive.freeSlots(fixture.live(TODAY, TODAY.plusDays(1))))
                .isInstanceOf(CalendarUnavailableException.class);
    }
}
