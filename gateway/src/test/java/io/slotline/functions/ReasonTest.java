package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ReasonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theWireValueIsTheSnakeCaseCodeTheAgentAlwaysSaw() {
        assertThat(Reason.SLOT_TAKEN.wire()).isEqualTo("slot_taken");
        assertThat(Reason.fromWire("fee_confirmation_required")).isEqualTo(Reason.FEE_CONFIRMATION_REQUIRED);
        assertThat(FunctionResult.notOk(Reason.OUTSIDE_BOOKING_WINDOW, "Zu weit im Voraus.")
                        .body())
                .containsEntry("reason", "outside_booking_window");
    }

    /** Idempotency records written before the enum (and after it) replay as the same answer. */
    @Test
    void aStoredAnswerReadsBackWithItsReason() {
        String stored = "{\"ok\":false,\"message\":\"Leider vergeben.\",\"reason\":\"slot_taken\",\"data\":{\"a\":1}}";

        FunctionResult replayed = json.readValue(stored, FunctionResult.class);

        assertThat(replayed.reason()).isEqualTo(Reason.SLOT_TAKEN);
        assertThat(json.writeValueAsString(FunctionResult.notOk(Reason.SLOT_TAKEN, "Leider vergeben.", Map.of("a", 1))))
                .isEqualTo(stored);
    }
}
