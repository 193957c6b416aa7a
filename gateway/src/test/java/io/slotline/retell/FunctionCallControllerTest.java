package io.slotline.retell;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.slotline.functions.FunctionDispatcher;
import io.slotline.functions.FunctionRequestException;
import io.slotline.functions.FunctionResult;
import io.slotline.speech.MessageKey;
import io.slotline.speech.Messages;
import io.slotline.tenancy.Language;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /retell/functions[/{name}]} as a web slice, the dispatcher mocked: how a request names its function,
 * what is a 400 and what is a spoken answer, and that nothing runs for a request that is refused.
 */
class FunctionCallControllerTest extends RetellWebSlice {

    private static final String CALL = "{\"call_id\":\"call_1\",\"from_number\":\"+4917612345678\","
            + "\"to_number\":\"+4930120000\",\"call_type\":\"phone_call\"}";

    private static String body(String name, String callJson) {
        return "{\"name\":\"" + name + "\",\"args\":{\"date\":\"2026-11-23\"},\"call\":" + callJson + "}";
    }

    @Test
    void aCallOfAServedNumberRunsTheFunctionInTheCompanysLanguage() throws Exception {
        servedBy(SALON);
        FunctionDispatcher.PreparedCall prepared = mock(FunctionDispatcher.PreparedCall.class);
        given(dispatcher.prepare(eq("check_availability"), any(JsonNode.class))).willReturn(prepared);
        given(prepared.run(eq(Language.DE), any())).willReturn(FunctionResult.ok("Frei.", Map.of("available", true)));

        mvc.perform(signed("/retell/functions/check_availability", body("check_availability", CALL)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.message").value("Frei."))
                .andExpect(jsonPath("$.available").value(true));
    }

    @Test
    void theBodysNameMustMatchTheUrlsOrTheCallerHearsThatItCannotBeDone() throws Exception {
        servedBy(SALON);

        mvc.perform(signed("/retell/functions/book_appointment", body("check_availability", CALL)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(false))
                .andExpect(jsonPath("$.reason").value("function_mismatch"))
                .andExpect(jsonPath("$.message").value(Messages.render(MessageKey.TOOL_MISCONFIGURED, Language.DE)));
        verifyNoInteractions(dispatcher);
    }

    @Test
    void aNumberNobodyServesIsToldInBothLanguages() throws Exception {
        mvc.perform(signed("/retell/functions", body("check_availability", CALL)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(false))
                .andExpect(jsonPath("$.reason").value("unknown_number"))
                .andExpect(jsonPath("$.message")
                        .value(Messages.render(MessageKey.UNKNOWN_DIALLED_NUMBER, Language.DE) + " / "
                                + Messages.render(MessageKey.UNKNOWN_DIALLED_NUMBER, Language.EN)));
        verifyNoInteractions(dispatcher);
    }

    @Test
    void theBodyRouteNeedsANameAndACall() throws Exception {
        servedBy(SALON);

        mvc.perform(signed("/retell/functions", "{\"args\":{},\"call\":" + CALL + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("missing_name"));
        mvc.perform(signed("/retell/functions", "{\"name\":\"check_availability\",\"args\":{}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("missing_call"));
        mvc.perform(signed("/retell/functions", "[1,2]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("malformed_json"));
        verifyNoInteractions(dispatcher);
    }

    @Test
    void anUnknownFunctionIsABadRequestWithTheDispatchersCode() throws Exception {
        servedBy(SALON);
        given(dispatcher.prepare(eq("make_coffee"), any()))
                .willThrow(new FunctionRequestException("unknown_function", "no function make_coffee"));

        mvc.perform(signed("/retell/functions", body("make_coffee", CALL)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("unknown_function"))
                .andExpect(jsonPath("$.message").value("no function make_coffee"));
    }

    @Test
    void aCallIdWithControlCharactersIsRefusedBeforeTheFunctionRuns() throws Exception {
        servedBy(SALON);
        FunctionDispatcher.PreparedCall prepared = mock(FunctionDispatcher.PreparedCall.class);
        given(dispatcher.prepare(eq("check_availability"), any())).willReturn(prepared);

        mvc.perform(signed("/retell/functions", body("check_availability", CALL.replace("call_1", "call\\u0000_1"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_call_id"));
        verify(prepared, never()).run(any(Language.class), any());
    }

    @Test
    void anArgsOnlyCallMustNameOneOfOurNumbers() throws Exception {
        mvc.perform(signed("/retell/functions/check_availability", "{\"date\":\"2026-11-23\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("unknown_tenant"));
        verifyNoInteractions(dispatcher);
    }

    @Test
    void anUnsignedCallIsRefusedAndNothingRuns() throws Exception {
        servedBy(SALON);

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/retell/functions")
                        .contentType("application/json")
                        .content(body("check_availability", CALL)))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.message").value("X-Retell-Signature is missing"));
        verify(metrics).signatureRejected("missing");
        verifyNoInteractions(dispatcher);
    }
}
