package io.slotline.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DayEntryTest {

    private static final Instant FETCHED = Instant.parse("2030-03-04T06:00:00Z");

    private static List<FreeSlot> halfHours(String from, int count) {
        List<FreeSlot> slots = new ArrayList<>();
        Instant start = Instant.parse(from);
        for (int i = 0; i < count; i++) {
            slots.add(new FreeSlot(start.plusSeconds(1800L * i), start.plusSeconds(1800L * i + 1800)));
        }
        return slots;
    }

    @Test
    void theSlotsComeBackAsTheyWereGivenAndCompareAsLists() {
        List<FreeSlot> given = halfHours("2030-03-05T08:00:00Z", 16);
        DayEntry entry = new DayEntry(given, FETCHED);

        assertThat(entry.slots()).containsExactlyElementsOf(given);
        assertThat(entry.slots()).isEqualTo(given);
        assertThat(given).isEqualTo(entry.slots());
        assertThat(entry.slots().hashCode()).isEqualTo(given.hashCode());
        assertThat(entry).isEqualTo(new DayEntry(new ArrayList<>(given), FETCHED));
        assertThat(entry.offers(Instant.parse("2030-03-05T09:30:00Z"))).isTrue();
        assertThat(entry.offers(Instant.parse("2030-03-05T09:15:00Z"))).isFalse();
        assertThat(entry.offers(Instant.parse("2030-03-05T09:30:00.5Z"))).isFalse();
    }

    @Test
    void takingAndFreeingKeepTheRestAndTheAge() {
        List<FreeSlot> given = halfHours("2030-03-05T08:00:00Z", 4);
        DayEntry entry = new DayEntry(given, FETCHED);

        DayEntry taken = entry.without(slot -> slot.equals(given.get(1)));
        DayEntry freed = taken.withFreed(given.get(1));

        assertThat(taken.slots()).containsExactly(given.get(0), given.get(2), given.get(3));
        assertThat(taken.fetchedAt()).isEqualTo(FETCHED);
        assertThat(entry.without(slot -> false)).isSameAs(entry);
        assertThat(freed.freed()).containsExactly(given.get(1));
        assertThat(freed.slots()).isEqualTo(taken.slots());
        assertThat(freed.startingAfter(Instant.parse("2030-03-05T08:30:00Z")))
                .containsExactly(given.get(2), given.get(3));
    }

    @Test
    void aTimeWithAFractionOfASecondIsKeptExactly() {
        FreeSlot odd = new FreeSlot(Instant.parse("2030-03-05T08:00:00.250Z"), Instant.parse("2030-03-05T08:30:00Z"));
        DayEntry entry = new DayEntry(List.of(odd), FETCHED);

        assertThat(entry.slots()).containsExactly(odd);
        assertThat(entry.offers(odd.start())).isTrue();
        assertThat(new DayEntry(List.of(), FETCHED).slots()).isEmpty();
    }
}
