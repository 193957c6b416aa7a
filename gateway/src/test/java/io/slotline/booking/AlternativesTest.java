package io.slotline.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.availability.Availability;
import io.slotline.availability.FreeSlot;
import io.slotline.speech.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AlternativesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Monday 2026-11-16. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 16);

    private static final Instant EARLY_MONDAY =
            MONDAY.atTime(7, 0).atZone(BERLIN).toInstant();
    private static final LocalDate FAR = MONDAY.plusDays(60);

    /** Availability of the days from..to; each entry "yyyy-MM-dd HH:mm". */
    private static Availability availability(LocalDate from, LocalDate to, String... slots) {
        TreeMap<LocalDate, List<FreeSlot>> days = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.put(day, new ArrayList<>());
        }
        for (String slot : slots) {
            FreeSlot free = slot(slot);
            days.get(free.start().atZone(BERLIN).toLocalDate()).add(free);
        }
        return new Availability(days, false);
    }

    private static FreeSlot slot(String dateTime) {
        String[] parts = dateTime.split(" ");
        Instant start = LocalDate.parse(parts[0])
                .atTime(LocalTime.parse(parts[1]))
                .atZone(BERLIN)
                .toInstant();
        return new FreeSlot(start, start.plus(Duration.ofMinutes(30)));
    }

    private static List<String> local(List<FreeSlot> slots) {
        return slots.stream()
                .map(s -> {
                    ZonedDateTime z = s.start().atZone(BERLIN);
                    return z.toLocalDate() + " " + z.toLocalTime();
                })
                .toList();
    }

    private static Alternatives.Wish at(LocalDate date, String time) {
        return new Alternatives.Wish(date, LocalTime.parse(time), null);
    }

    @Nested
    class Ranking {

        @Test
        void sameDayNearestFirstAndOnATieTheLaterOne() {
            Availability free = availability(
                    MONDAY,
                    MONDAY.plusDays(14),
                    "2026-11-16 09:00",
                    "2026-11-16 13:30",
                    "2026-11-16 14:30",
                    "2026-11-16 16:00",
                    "2026-11-17 14:00");

            List<FreeSlot> ranked =
                    Alternatives.rank(free, BERLIN, at(MONDAY, "14:00"), 4, EARLY_MONDAY, FAR, Set.of());

            assertThat(local(ranked))
                    .containsExactly("2026-11-16 14:30", "2026-11-16 13:30", "2026-11-16 16:00", "2026-11-16 09:00");
        }

        @Test
        void thenTheFollowingDaysAtTheSameTimeThenNextWeekThenTheNextFreeSlots() {
            Availability free = availability(
                    MONDAY,
                    MONDAY.plusDays(14),
                    "2026-11-17 09:00",
                    "2026-11-17 14:00",
                    "2026-11-18 10:00",
                    "2026-11-19 14:00",
                    "2026-11-23 14:00");

            List<FreeSlot> ranked =
                    Alternatives.rank(free, BERLIN, at(MONDAY, "14:00"), 5, EARLY_MONDAY, FAR, Set.of());

            assertThat(local(ranked))
                    .containsExactly(
                            "2026-11-17 14:00",
                            "2026-11-19 14:00",
                            "2026-11-23 14:00",
                            "2026-11-17 09:00",
                            "2026-11-18 10:00");
        }

        @Test
        void neverOffersASlotTwiceNorTheExcludedOne() {
            Availability free = availability(
                    MONDAY, MONDAY.plusDays(14), "2026-11-16 14:00", "2026-11-17 14:00", "2026-11-23 14:00");
            Instant taken = slot("2026-11-16 14:00").start();

            List<FreeSlot> ranked =
                    Alternatives.rank(free, BERLIN, at(MONDAY, "14:00"), 5, EARLY_MONDAY, FAR, Set.of(taken));

            assertThat(local(ranked)).containsExactly("2026-11-17 14:00", "2026-11-23 14:00");
        }

        @Test
        void keepsToTheWindowTheBookingWindowAndTheFuture() {
            Availability free = availability(
                    MONDAY,
                    MONDAY.plusDays(14),
                    "2026-11-16 08:00",
                    "2026-11-16 10:00",
                    "2026-11-16 15:00",
                    "2026-11-16 18:00",
                    "2026-11-17 15:00",
                    "2026-11-18 15:00");
            Instant nineOClock = MONDAY.atTime(9, 0).atZone(BERLIN).toInstant();
            Alternatives.Wish afternoon = new Alternatives.Wish(MONDAY, null, TimeWindow.AFTERNOON);

            List<FreeSlot> ranked =
                    Alternatives.rank(free, BERLIN, afternoon, 5, nineOClock, MONDAY.plusDays(1), Set.of());

            assertThat(local(ranked)).containsExactly("2026-11-16 15:00", "2026-11-17 15:00");
        }

        @Test
        void withoutATimeTheDayInOrderThenEachFollowingDaysFirstSlot() {
            Availability free = availability(
                    MONDAY,
                    MONDAY.plusDays(14),
                    "2026-11-16 11:00",
                    "2026-11-16 09:00",
                    "2026-11-17 12:00",
                    "2026-11-17 09:30");

            List<FreeSlot> ranked = Alternatives.rank(
                    free, BERLIN, new Alternatives.Wish(MONDAY, null, null), 3, EARLY_MONDAY, FAR, Set.of());

            assertThat(local(ranked)).containsExactly("2026-11-16 09:00", "2026-11-16 11:00", "2026-11-17 09:30");
        }

        @Test
        void theSameWallClockTimeAcrossTheDaylightSavingChange() {
            LocalDate friday = LocalDate.of(2026, 10, 23);
            Availability free = availability(
                    friday, friday.plusDays(7), "2026-10-26 14:00", "2026-10-26 15:00", "2026-10-27 13:00");
            Instant fridayMorning = friday.atTime(8, 0).atZone(BERLIN).toInstant();

            List<FreeSlot> ranked =
                    Alternatives.rank(free, BERLIN, at(friday, "14:00"), 1, fridayMorning, FAR, Set.of());

            assertThat(local(ranked)).containsExactly("2026-10-26 14:00");
            assertThat(ranked.get(0).start()).isEqualTo(Instant.parse("2026-10-26T13:00:00Z"));
        }

        @Test
        void noCountNoSlots() {
            Availability free = availability(MONDAY, MONDAY, "2026-11-16 10:00");

            assertThat(Alternatives.rank(free, BERLIN, at(MONDAY, "10:00"), 0, EARLY_MONDAY, FAR, Set.of()))
                    .isEmpty();
        }
    }

    @Nested
    class Speaking {

        @Test
        void groupsByDayInTheOrderDaysFirstAppearWithTimesAscending() {
            List<FreeSlot> ranked = List.of(
                    slot("2026-11-16 14:30"),
                    slot("2026-11-17 14:00"),
                    slot("2026-11-16 13:30"),
                    slot("2026-11-16 16:00"));

            assertThat(local(Alternatives.forSpeaking(ranked, BERLIN)))
                    .containsExactly("2026-11-16 13:30", "2026-11-16 14:30", "2026-11-16 16:00", "2026-11-17 14:00");
        }
    }

    @Nested
    class ClosedDays {

        private final LocalDate sunday = LocalDate.of(2026, 11, 22);

        @Test
        void aDayWithoutSlotsLikeTheSameWeekdayNextWeekLooksClosed() {
            Availability free = availability(MONDAY, MONDAY.plusDays(14), "2026-11-21 10:00", "2026-11-23 10:00");

            assertThat(Alternatives.looksClosed(free, sunday)).isTrue();
        }

        @Test
        void aFullyBookedDayIsNotClosedWhenItsWeekdayHasSlotsElsewhere() {
            Availability free = availability(MONDAY, MONDAY.plusDays(14), "2026-11-23 10:00");

            assertThat(Alternatives.looksClosed(free, MONDAY)).isFalse();
        }

        @Test
        void withoutAnotherSuchWeekdayInTheAnswerItIsNotCalledClosed() {
            Availability free = availability(MONDAY, MONDAY.plusDays(3), "2026-11-17 10:00");

            assertThat(Alternatives.looksClosed(free, MONDAY)).isFalse();
        }

        @Test
        void aDayWithSlotsIsOpen() {
            Availability free = availability(MONDAY, MONDAY.plusDays(14), "2026-11-16 10:00");

            assertThat(Alternatives.looksClosed(free, MONDAY)).isFalse();
        }
    }
}
