package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;


/** While the phone rings, the branch's services are fetched, so the caller's first question is answered from memory. */
class CallStartPrefetchTest extends LiveCallTest {

    @Test
    void inboundCallWarmsEveryServiceAndTheFirstQuestionCostsNoSlotsRequest() {
        // holds left by earlier tests in this shared context would (rightly) send the check back to Cal.com
        jdbc.sql("UPDATE slot_holds SET status = 'released' WHERE status = 'held'").update();
        long before = slotsRequests();
        Call call = salonCall();

        assertThat(call.inbound().status()).isEqualTo(200);
        // Demo Salon has three services, each for any host, Anna and Ben: one range request each, in the background
        await().atMost(Duration.ofSeconds(10)).until(() -> slotsRequests() - before == 9);

        Reply answer = call.function("check_availability",
                Map.of("service", "Herrenhaarschnitt", "date", "morgen", "time", "10:30"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().has("available")).isTrue();
        assertThat(slotsRequests() - before).as("answered from the prefetched days").isEqualTo(9);
    }
}
