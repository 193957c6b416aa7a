package io.slotline.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slotline.tenancy.Language;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MessagesTest {

    private static final LocalDate TODAY = Moments.MONDAY.toLocalDate();

    @Test
    void slotFreeStartsWithTheCapitalisedTime() {
        String time = SpokenTimes.dateTime(LocalDateTime.parse("2026-11-16T14:00"), TODAY, Language.DE);

        assertThat(Messages.render(MessageKey.SLOT_FREE, Language.DE, Map.of("time", time)))
                .isEqualTo("Heute um 14 Uhr ist frei. Soll ich den Termin für Sie buchen?");
        assertThat(Messages.render(
                        MessageKey.SLOT_FREE,
                        Language.EN,
                        Map.of(
                                "time",
                                SpokenTimes.dateTime(LocalDateTime.parse("2026-11-17T14:30"), TODAY, Language.EN))))
                .isEqualTo("Tomorrow at 2:30 pm is available. Shall I book it for you?");
    }

    @Test
    void takenSlotOffersAlternativesAsOneList() {
        String alternatives = SpokenTimes.dateTimes(
                List.of(LocalDateTime.parse("2026-11-17T14:30"), LocalDateTime.parse("2026-11-17T15:00")),
                TODAY,
                Language.DE);

        assertThat(Messages.render(
                        MessageKey.SLOT_TAKEN_WITH_ALTERNATIVES,
                        Language.DE,
                        Map.of("time", "morgen um 14 Uhr", "alternatives", alternatives)))
                .isEqualTo(
                        "Morgen um 14 Uhr ist leider schon vergeben. Ich hätte morgen um 14 Uhr 30 oder 15 Uhr frei. "
                                + "Passt Ihnen davon etwas?");
    }

    @Test
    void bookedConfirmsServiceTimeAndName() {
        Map<String, String> values = Map.of(
                "name",
                "Frau Schmidt",
                "service",
                "Damenhaarschnitt",
                "time",
                SpokenTimes.dateTime(LocalDateTime.parse("2026-11-24T14:00"), TODAY, Language.DE));

        assertThat(Messages.render(MessageKey.BOOKED, Language.DE, values))
                .isEqualTo("Vielen Dank, Frau Schmidt. Ihr Termin für Damenhaarschnitt ist gebucht: "
                        + "Dienstag, den 24. November, um 14 Uhr. Wir freuen uns auf Sie!");
        assertThat(Messages.render(
                        MessageKey.BOOKED,
                        Language.EN,
                        Map.of(
                                "name",
                                "Mr Smith",
                                "service",
                                "Haircut",
                                "time",
                                SpokenTimes.dateTime(LocalDateTime.parse("2026-11-18T09:30"), TODAY, Language.EN))))
                .isEqualTo(
                        "Thank you, Mr Smith. Your Haircut is booked for Wednesday at 9:30 am. We look forward to seeing you!");
    }

    @Test
    void unknownAndAmbiguousServicesListNames() {
        assertThat(Messages.render(
                        MessageKey.UNKNOWN_SERVICE,
                        Language.DE,
                        Map.of(
                                "service",
                                "Dauerwelle",
                                "closest",
                                SpokenTimes.andList(
                                        List.of("Herrenhaarschnitt", "Damenhaarschnitt", "Färben"), Language.DE))))
                .isEqualTo(
                        "Dauerwelle finde ich leider nicht in unserem Angebot. Wir haben zum Beispiel Herrenhaarschnitt, "
                                + "Damenhaarschnitt und Färben. Was darf es sein?");
        assertThat(Messages.render(
                        MessageKey.AMBIGUOUS_SERVICE,
                        Language.EN,
                        Map.of(
                                "options",
                                SpokenTimes.orList(List.of("Herrenhaarschnitt", "Damenhaarschnitt"), Language.EN))))
                .isEqualTo("Do you mean Herrenhaarschnitt or Damenhaarschnitt?");
    }

    @Test
    void feeNoticeSpeaksDurationAndPrice() {
        assertThat(Messages.render(
                        MessageKey.FEE_NOTICE,
                        Language.DE,
                        Map.of(
                                "notice", SpokenTimes.duration(Duration.ofHours(24), Language.DE),
                                "fee", SpokenTimes.price(new BigDecimal("12.50"), "EUR", Language.DE))))
                .isEqualTo("Bitte beachten Sie: Bei einer Absage weniger als 24 Stunden vor dem Termin berechnen wir "
                        + "12 Euro 50. Möchten Sie trotzdem stornieren?");
    }

    @Test
    void calendarOutageAnswerHasNoPlaceholders() {
        assertThat(Messages.render(MessageKey.CALCOM_UNAVAILABLE, Language.DE))
                .startsWith("Ich kann den Kalender gerade leider nicht erreichen.");
        assertThat(MessageKey.CALCOM_UNAVAILABLE.placeholders()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(MessageKey.class)
    void everyAnswerRendersInBothLanguagesWithoutLeftoverPlaceholders(MessageKey key) {
        Map<String, String> values =
                key.placeholders().stream().collect(Collectors.toMap(Function.identity(), name -> "<" + name + ">"));

        for (Language language : Language.values()) {
            String answer = Messages.render(key, language, values);

            assertThat(answer).doesNotContain("{").doesNotContain("}");
            values.values().forEach(value -> assertThat(answer).contains(value));
            assertThat(answer).matches("(?s)[A-ZÄÖÜ<].*[.!?]");
        }
    }

    @ParameterizedTest
    @EnumSource(MessageKey.class)
    void germanAnswersAddressTheCallerFormally(MessageKey key) {
        assertThat(key.template(Language.DE)).doesNotContainPattern("\\b(du|dich|dir|dein\\w*)\\b");
    }

    @Test
    void missingOrUnexpectedValuesAreProgrammingErrors() {
        assertThatThrownBy(() -> Messages.render(MessageKey.SLOT_FREE, Language.DE, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("time");
        assertThatThrownBy(() -> Messages.render(MessageKey.SLOT_FREE, Language.DE, Map.of("time", "x", "Time", "y")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesAreInsertedLiterallyNeverExpanded() {
        String answer = Messages.render(
                MessageKey.GREETING_KNOWN_CUSTOMER,
                Language.EN,
                Map.of("name", "{company} $1 \\", "company", "Demo Salon"));

        assertThat(answer).isEqualTo("Hello {company} $1 \\, welcome back to Demo Salon! How can I help you?");
    }

    @Test
    void timesFromTheFormatterFitTheNextAvailableAnswer() {
        String next = SpokenTimes.dateTime(LocalDate.of(2026, 11, 17).atTime(LocalTime.of(9, 0)), TODAY, Language.EN);

        assertThat(Messages.render(MessageKey.NEXT_AVAILABLE, Language.EN, Map.of("time", next)))
                .isEqualTo("The next available appointment is tomorrow at 9 am. Does that suit you?");
    }
}
