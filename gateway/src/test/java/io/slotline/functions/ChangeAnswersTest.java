package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.appointments.ChangePolicy;
import io.slotline.appointments.ChangePolicy.Change;
import io.slotline.tenancy.Branch;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.Language;
import io.slotline.tenancy.Policies;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeAnswersTest {

    private static final Map<String, Object> APPOINTMENT = Map.of("appointment_id", 7L);

    @Test
    void allowedChangesNeedNoAnswer() {
        assertThat(ChangeAnswers.refusal(
                        context(Language.DE), new ChangePolicy.Allowed(1000), Change.CANCEL, APPOINTMENT, "EUR"))
                .isNull();
    }

    @Test
    void feeIsNamedInTheCompanysLanguageAndCurrency() {
        FunctionResult english = ChangeAnswers.refusal(
                context(Language.EN), new ChangePolicy.FeeToConfirm(1250, 24), Change.RESCHEDULE, APPOINTMENT, "GBP");

        assertThat(english.reason()).isEqualTo(Reason.FEE_CONFIRMATION_REQUIRED);
        assertThat(english.message())
                .isEqualTo("Please note: for changes less than 24 hours before the appointment "
                        + "we charge 12 pounds 50. Would you still like to move it?");
        assertThat(english.data())
                .containsEntry("fee_cents", 1250)
                .containsEntry("currency", "GBP")
                .containsEntry("confirm_with", Map.of("confirm_fee", true));
    }

    @Test
    void aFeeWhateverTheNoticeIsNamedWithoutAThreshold() {
        FunctionResult german = ChangeAnswers.refusal(
                context(Language.DE), new ChangePolicy.FeeToConfirm(500, null), Change.CANCEL, APPOINTMENT, "EUR");

        assertThat(german.message())
                .isEqualTo("Bitte beachten Sie: Für eine Absage berechnen wir 5 Euro. "
                        + "Möchten Sie trotzdem stornieren?");
    }

    @Test
    void moveLimitsAreCountedInWords() {
        FunctionResult once = ChangeAnswers.refusal(
                context(Language.EN),
                new ChangePolicy.RescheduleLimitReached(1),
                Change.RESCHEDULE,
                APPOINTMENT,
                "EUR");
        FunctionResult never = ChangeAnswers.refusal(
                context(Language.DE),
                new ChangePolicy.RescheduleLimitReached(0),
                Change.RESCHEDULE,
                APPOINTMENT,
                "EUR");

        assertThat(once.message())
                .isEqualTo("This appointment has already been moved once, I'm afraid it can't be "
                        + "moved again. Shall someone from the team call you back?");
        assertThat(never.message())
                .isEqualTo("Termine können wir telefonisch leider nicht verschieben. "
                        + "Soll sich jemand aus dem Team bei Ihnen melden?");
        assertThat(ChangeAnswers.times(4, Language.DE)).isEqualTo("4-mal");
        assertThat(ChangeAnswers.times(3, Language.EN)).isEqualTo("3 times");
    }

    @Test
    void deadlineNamesTheCompanysHoursAndOffersACallback() {
        FunctionResult started = ChangeAnswers.refusal(
                context(Language.EN), new ChangePolicy.AlreadyStarted(), Change.CANCEL, APPOINTMENT, "EUR");

        assertThat(started.reason()).isEqualTo(Reason.DEADLINE_PASSED);
        assertThat(started.message())
                .isEqualTo("I'm sorry, changes and cancellations are only possible up to "
                        + "6 hours before the appointment. Shall someone from the team call you back?");
        assertThat(started.data()).containsEntry("callback_offered", true).containsEntry("deadline_hours", 6);
    }

    private static CallContext context(Language language) {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        Company company = new Company(1, "salon", "Salon", language, zone, new Policies(6, 12, 2, List.of()), 60, true);
        Branch branch = new Branch(1, 1, "Main", zone, null, true, null);
        return new CallContext(
                company, branch, "call_1", 1, null, "+4930111111", null, Instant.parse("2026-03-23T08:00:00Z"));
    }
}
