package io.slotline.availability;

import static io.slotline.availability.AvailabilityFixture.HAIRCUT_ANY;
import static io.slotline.availability.AvailabilityFixture.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.calcom.CalcomCallContext;
import io.slotline.calcom.FakeCalcom;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Cal.com's {@code duration} changes the length and the step of any event type's slots while a booking keeps the
 * event type's own length (packages/trpc/server/routers/viewer/slots/util.ts): a duration is named only when the
 * event type offers the service's length among several.
 */
class SlotsFetcherTest {

    private final AvailabilityFixture fixture = new AvailabilityFixture();
    private final FakeCalcom calcom = fixture.calcom;

    private Integer durationAsked(EventTypeShapes shapes) {
        new SlotsFetcher(calcom, shapes)
                .fetch(
                        new DayRange(HAIRCUT_ANY, AvailabilityFixture.BERLIN, TODAY, TODAY),
                        CalcomCallContext.live(null));
        return calcom.queries().get(calcom.queries().size() - 1).durationMinutes();
    }

    @Test
    void aSingleLengthEventTypeIsAskedWithoutDuration() {
        assertThat(durationAsked((company, id) -> new EventTypeShape(id, 0, 0, Set.of("anna-demo"))))
                .isNull();
    }

    @Test
    void anUnknownEventTypeIsAskedWithoutDuration() {
        assertThat(durationAsked(EventTypeShapes.NONE)).isNull();
    }

    @Test
    void anEventTypeOfferingTheServicesLengthAmongSeveralIsAskedForIt() {
        assertThat(durationAsked((company, id) -> new EventTypeShape(id, 0, 0, Set.of(), Set.of(30, 60))))
                .isEqualTo(30);
        assertThat(durationAsked((company, id) -> new EventTypeShape(id, 0, 0, Set.of(), Set.of(45, 60))))
                .as("a length it does not offer")
                .isNull();
    }
}
