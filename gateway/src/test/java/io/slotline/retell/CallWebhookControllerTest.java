package io.slotline.retell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.slotline.calls.CallEnded;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /retell/webhook} as a web slice, the call store and the delivery log mocked: 204 for everything
 * acknowledged, each (event, call) acts once, a failed event is forgotten so Retell's retry can act, and a
 * malformed one is a 400.
 */
class CallWebhookControllerTest extends RetellWebSlice {

    private static final long ENDED = Instant.parse("2026-11-20T07:58:00Z").toEpochMilli();
    private static final String CALL_ENDED = "{\"event\":\"call_ended\",\"call\":{\"call_id\":\"call_9\","
            + "\"call_type\":\"phone_call\",\"from_number\":\"+4917612345678\",\"to_number\":\"+4930120000\","
            + "\"call_status\":\"error\",\"disconnection_reason\":\"dial_failed\",\"end_timestamp\":" + ENDED + "}}";

    @Test
    void aFirstDeliveryIsStoredAndAcknowledged() throws Exception {
        servedBy(SALON);
        given(events.firstDelivery(1, "call_ended", "call_9")).willReturn(true);

        mvc.perform(signed("/retell/webhook", CALL_ENDED)).andExpect(status().isNoContent());
        verify(calls).recordEnded(any(), eq("error"), eq("dial_failed"), eq(Instant.ofEpochMilli(ENDED)));
        verify(metrics).retellWebhook("call_ended", "processed");
        assertThat(published.stream(CallEnded.class)).containsExactly(new CallEnded(SALON, "call_9"));
    }

    @Test
    void aRepeatedDeliveryIsAcknowledgedAndNotActedOn() throws Exception {
        servedBy(SALON);
        given(events.firstDelivery(1, "call_ended", "call_9")).willReturn(false);

        mvc.perform(signed("/retell/webhook", CALL_ENDED)).andExpect(status().isNoContent());
        verifyNoInteractions(calls);
        verify(metrics).retellWebhook("call_ended", "duplicate");
    }

    @Test
    void aFailedEventIsForgottenSoThatRetellsRetryActs() {
        servedBy(SALON);
        given(events.firstDelivery(1, "call_ended", "call_9")).willReturn(true);
        given(calls.recordEnded(any(), anyString(), any(), any())).willThrow(new IllegalStateException("disk full"));

        assertThatThrownBy(() -> mvc.perform(signed("/retell/webhook", CALL_ENDED)))
                .hasRootCauseInstanceOf(IllegalStateException.class);
        verify(events).forget(1, "call_ended", "call_9");
    }

    @Test
    void otherEventsAreAcknowledgedWhateverTheyCarry() throws Exception {
        mvc.perform(signed("/retell/webhook", "{\"event\":\"chat_started\",\"chat\":{\"chat_id\":\"c_1\"}}"))
                .andExpect(status().isNoContent());
        mvc.perform(signed("/retell/webhook", "{\"event\":\"transfer_started\",\"call\":\"call_9\"}"))
                .andExpect(status().isNoContent());
        verify(metrics).retellWebhook("chat_started", "ignored");
        verifyNoInteractions(events, calls);
    }

    @Test
    void anEventForANumberNobodyServesIsAcknowledgedAndIgnored() throws Exception {
        mvc.perform(signed("/retell/webhook", CALL_ENDED)).andExpect(status().isNoContent());
        verify(metrics).retellWebhook("call_ended", "ignored");
        verify(events, never()).firstDelivery(anyLong(), anyString(), anyString());
    }

    @Test
    void aWebhookWithoutItsEventOrCallIsABadRequest() throws Exception {
        servedBy(SALON);

        mvc.perform(signed("/retell/webhook", "{\"call\":{\"call_id\":\"call_9\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_webhook"));
        mvc.perform(signed("/retell/webhook", "{\"event\":\"call_started\",\"call\":\"call_9\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_webhook"));
        mvc.perform(signed("/retell/webhook", "{\"event\":\"call_started\",\"call\":{\"from_number\":\"+49\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("missing_call_id"));
        mvc.perform(signed("/retell/webhook", "not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("malformed_json"));
        verifyNoInteractions(events, calls);
    }

    @Test
    void aStaleSignatureIsRefused() throws Exception {
        servedBy(SALON);
        byte[] bytes = CALL_ENDED.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String stale = RetellSignature.sign(bytes, KEY, NOW.minusSeconds(600).toEpochMilli());

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/retell/webhook")
                        .contentType("application/json")
                        .header(RetellSignatureFilter.HEADER, stale)
                        .content(bytes))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value("X-Retell-Signature is stale"));
        verifyNoInteractions(events, calls);
    }
}
