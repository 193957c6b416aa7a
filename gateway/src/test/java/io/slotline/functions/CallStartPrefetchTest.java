package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * While the phone rings, the branch's calendars are fetched (each service for any host and for each of its staff),
 * so the caller's first question is answered from memory. {@link QuietBusinessWarmUpTest}: with
 * {@code staff-calendars=when-active}.
 */
class CallStartPrefetchTest extends LiveCallTest {

    @Test
    void inboundCallWarmsEveryServiceForAnyHostAndEachStaffMemberAndTheFirstQuestionCostsNoSlotsRequest() {
        Call call = salonCall();
        assertThat(salonCalendars())
                .as("two services, each for any host, Anna and Ben; Färben in two steps, each " + "for Anna and Ben")
                .hasSize(10);

        assertThat(call.inbound().status()).isEqualTo(200);
        awaitSalonWarmedUp();
        long before = slotsRequests();

        Reply answer = call.function(
                "check_availability",
                Map.of("service", "Herrenhaarschnitt", "date", "morgen", "time", "10:30", "staff", "Ben"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().has("available")).isTrue();
        assertThat(slotsRequests()).as("answered from the prefetched days").isEqualTo(before);
    }
}
