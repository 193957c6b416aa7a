package io.slotline.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.calcom.Attendee;
import io.slotline.tenancy.Language;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AttendeeFactoryTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String DOMAIN = "phone.slotline.invalid";

    @Test
    void phoneOnlyWhenTheEventTypeDoesNotNeedAnEmail() {
        var result = AttendeeFactory.attendee(
                "Jonas Weber", "+4915112345678", null, BERLIN, Language.DE, false, false, DOMAIN);

        Attendee attendee = ((AttendeeFactory.Ready) result).attendee();
        assertThat(attendee.email()).isNull();
        assertThat(attendee.phoneNumber()).isEqualTo("+4915112345678");
        assertThat(attendee.timeZone()).isEqualTo(BERLIN);
        assertThat(attendee.language()).isEqualTo("de");
    }

    @Test
    void aRequiredEmailTheCallerDidNotGiveBecomesAnUndeliverablePlaceholder() {
        var result = AttendeeFactory.attendee(
                "Jonas Weber", "+4915112345678", null, BERLIN, Language.DE, true, false, DOMAIN);

        AttendeeFactory.Ready ready = (AttendeeFactory.Ready) result;
        assertThat(ready.placeholderEmail()).isTrue();
        assertThat(ready.attendee().email()).isEqualTo("4915112345678@phone.slotline.invalid");
    }

    @Test
    void aRealEmailIsNeverReplaced() {
        var result = AttendeeFactory.attendee(
                "Amelia Jones",
                "+447700900123",
                "amelia@example.com",
                ZoneId.of("Europe/London"),
                Language.EN,
                true,
                false,
                DOMAIN);

        AttendeeFactory.Ready ready = (AttendeeFactory.Ready) result;
        assertThat(ready.placeholderEmail()).isFalse();
        assertThat(ready.attendee().email()).isEqualTo("amelia@example.com");
        assertThat(ready.attendee().language()).isEqualTo("en");
    }

    @Test
    void withoutAnyContactThePhoneNumberIsAskedFor() {
        assertThat(AttendeeFactory.attendee("Anonymous", null, null, BERLIN, Language.DE, true, false, DOMAIN))
                .isEqualTo(new AttendeeFactory.Incomplete(AttendeeFactory.Missing.PHONE));
    }

    @Test
    void aRequiredPhoneIsAskedForEvenWithAnEmail() {
        assertThat(AttendeeFactory.attendee("Mia", null, "mia@example.com", BERLIN, Language.DE, false, true, DOMAIN))
                .isEqualTo(new AttendeeFactory.Incomplete(AttendeeFactory.Missing.PHONE));
    }
}
