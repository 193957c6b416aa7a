package io.slotline.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.slotline.tenancy.Language;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the parser over generated input: nothing throws or hangs, whatever comes in; every day is the
 * branch's own (its zone decides "heute"); fillers never change a reading; and an unknown word next to a date is
 * never silently dropped.
 */
class SpeechPropertiesTest {

    private static final List<ZoneId> ZONES = List.of(
                    "Europe/Berlin",
                    "Europe/London",
                    "America/New_York",
                    "America/Los_Angeles",
                    "Asia/Kolkata",
                    "Australia/Lord_Howe",
                    "Pacific/Chatham",
                    "Pacific/Kiritimati",
                    "America/Sao_Paulo",
                    "UTC")
            .stream()
            .map(ZoneId::of)
            .toList();
    private static final List<String> TOKENS = List.of(
            "heute",
            "morgen",
            "übermorgen",
            "gestern",
            "nächsten",
            "letzten",
            "Dienstag",
            "Freitag",
            "Woche",
            "Anfang",
            "Ende",
            "Mitte",
            "um",
            "am",
            "den",
            "halb",
            "viertel",
            "nach",
            "vor",
            "kurz",
            "gegen",
            "ab",
            "bis",
            "zwischen",
            "und",
            "oder",
            "nicht",
            "Uhr",
            "nachmittags",
            "abends",
            "Mitternacht",
            "zwanzigsten",
            "ersten",
            "März",
            "Dezember",
            "tomorrow",
            "next",
            "last",
            "week",
            "at",
            "half",
            "past",
            "quarter",
            "to",
            "around",
            "early",
            "later",
            "this",
            "weekend",
            "pm",
            "am",
            "noon",
            "the",
            "first",
            "of",
            "ish",
            "-",
            "+",
            ":",
            ".",
            "/",
            ",",
            "3",
            "14",
            "30",
            "2026",
            "19.11.",
            "14:30",
            "2026-11-19T14:00",
            "-1",
            "drei",
            "zehn",
            "four",
            "twenty",
            "ä",
            "ß",
            "'",
            "\"",
            "  ");

    private static final List<String> DATED = List.of(
            "morgen",
            "Dienstag um 14 Uhr",
            "am 20. November",
            "übermorgen",
            "Freitag nachmittag",
            "tomorrow at 3pm",
            "next Monday",
            "Anfang nächster Woche",
            "am zwanzigsten um 10",
            "gegen halb drei am Donnerstag",
            "letzten Montag",
            "2026-11-19T14:00",
            "later this week");

    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<String> words = Arbitraries.of(TOKENS).list().ofMaxSize(14).map(list -> String.join(" ", list));
        Arbitrary<String> raw = Arbitraries.strings().all().ofMaxLength(220);
        Arbitrary<String> glued = Arbitraries.of(TOKENS).list().ofMaxSize(10).map(list -> String.join("", list));
        return Arbitraries.oneOf(words, raw, glued);
    }

    @Provide
    Arbitrary<ZonedDateTime> anyNow() {
        Arbitrary<Instant> instants = Arbitraries.longs()
                .between(
                        Instant.parse("2000-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("2100-01-01T00:00:00Z").getEpochSecond())
                .map(Instant::ofEpochSecond);
        return Combinators.combine(instants, Arbitraries.of(ZONES)).as(Instant::atZone);
    }

    @Property(tries = 1500)
    void nothingThrowsOrHangs(
            @ForAll("anyText") String text, @ForAll("anyNow") ZonedDateTime now, @ForAll Language language) {
        // a guard against runaway backtracking, far above any real parse, not a speed measurement
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(DateTimeExpressions.parse(text, now, language)).isNotNull();
            assertThat(DateExpressions.parse(text, now, language)).isNotNull();
            assertThat(TimeExpressions.read(text, language)).isNotNull();
            assertThat(TimeWindow.parse(text, language)).isNotNull();
        });
    }

    @Property(tries = 500)
    void everyParsedDayAndTimeIsTheBranchZones(
            @ForAll("anyText") String text, @ForAll("anyNow") ZonedDateTime now, @ForAll Language language) {
        ParseResult<DateTimeRequest> result = DateTimeExpressions.parse(text, now, language);
        if (result instanceof ParseResult.Parsed<DateTimeRequest> parsed) {
            DateTimeRequest request = parsed.value();
            assertThat(request.lastDate()).isAfterOrEqualTo(request.date());
            request.time().ifPresent(time -> assertWallTimeInZone(request.date(), time, now.getZone()));
        }
    }

    @Property(tries = 400)
    void heuteAndTomorrowAreTheZonesDays(
            @ForAll("anyNow") ZonedDateTime now, @ForAll @IntRange(min = 0, max = 23) int hour) {
        LocalDate today = now.toLocalDate();
        LocalTime time = LocalTime.of(hour, 0);

        assertThat(DateExpressions.parse("heute", now, Language.DE).toOptional())
                .contains(today);
        assertThat(DateExpressions.parse("today", now, Language.EN).toOptional())
                .contains(today);
        DateTimeRequest tomorrow = DateTimeExpressions.parse(String.format("morgen um %02d:00", hour), now, Language.DE)
                .orElseThrow();
        assertThat(tomorrow.date()).isEqualTo(today.plusDays(1));
        assertThat(tomorrow.time()).contains(time);
        assertWallTimeInZone(tomorrow.date(), time, now.getZone());
    }

    @Property(tries = 300)
    void aComingWeekdayIsWithinTheNextSevenDaysOfTheZone(
            @ForAll("anyNow") ZonedDateTime now, @ForAll DayOfWeek day, @ForAll Language language) {
        String name = day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        LocalDate resolved =
                DateExpressions.parse("this coming " + name, now, language).orElseThrow();

        assertThat(resolved.getDayOfWeek()).isEqualTo(day);
        assertThat(ChronoUnit.DAYS.between(now.toLocalDate(), resolved)).isBetween(1L, 7L);
    }

    @Property(tries = 300)
    void fillersNeverChangeAReading(
            @ForAll("dated") String phrase, @ForAll("filler") String filler, @ForAll("anyNow") ZonedDateTime now) {
        ParseResult<DateTimeRequest> plain = DateTimeExpressions.parse(phrase, now, Language.DE);

        assertThat(DateTimeExpressions.parse(filler + " " + phrase, now, Language.DE)
                        .toOptional())
                .isEqualTo(plain.toOptional());
        assertThat(DateTimeExpressions.parse(phrase + ", " + filler, now, Language.DE)
                        .toOptional())
                .isEqualTo(plain.toOptional());
    }

    @Property(tries = 300)
    void anUnknownWordNextToADateIsNeverDropped(
            @ForAll("dated") String phrase,
            @ForAll("unknownWord") String word,
            @ForAll("anyNow") ZonedDateTime now,
            @ForAll boolean before) {
        String text = before ? word + " " + phrase : phrase + " " + word;

        ParseResult<DateTimeRequest> result = DateTimeExpressions.parse(text, now, Language.DE);

        assertThat(result).isInstanceOf(ParseResult.Invalid.class);
        assertThat(((ParseResult.Invalid<DateTimeRequest>) result).reason()).isEqualTo(ParseFailure.UNCLEAR);
    }

    @Provide
    Arbitrary<String> dated() {
        return Arbitraries.of(DATED);
    }

    @Provide
    Arbitrary<String> filler() {
        return Arbitraries.of("bitte", "äh", "also", "gern", "vielleicht", "okay", "genau", "ja");
    }

    /** Letters no date word is one or two edits away from, so they stay unknown. */
    @Provide
    Arbitrary<String> unknownWord() {
        return Arbitraries.strings().withChars("qxzjkvy").ofMinLength(3).ofMaxLength(9);
    }

    private static void assertWallTimeInZone(LocalDate date, LocalTime time, ZoneId zone) {
        ParseResult<Instant> instant = ZonedTimes.toInstant(date, time, zone);
        if (instant instanceof ParseResult.Parsed<Instant> at) {
            assertThat(at.value().atZone(zone).toLocalDateTime()).isEqualTo(date.atTime(time));
        } else {
            assertThat(((ParseResult.Invalid<Instant>) instant).reason()).isEqualTo(ParseFailure.NONEXISTENT_TIME);
        }
    }
}
