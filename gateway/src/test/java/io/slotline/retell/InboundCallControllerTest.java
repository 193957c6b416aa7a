package io.slotline.retell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.slotline.calls.CallIncoming;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;

/**
 * {@code POST /retell/inbound} as a web slice: the answer Retell gets while the phone rings (agent, dynamic
 * variables, metadata), what it gets for a number nobody serves, and what is refused before anything is looked up.
 */
class InboundCallControllerTest extends RetellWebSlice {

    private static final String RINGING = """
            {"event":"call_inbound","call_inbound":{"agent_id":"agent_x","from_number":"+4917612345678",
             "to_number":"+4930120000"}}""";

    @Test
    void aKnownNumberGetsItsAgentItsVariablesAndTheTenantAsMetadata() throws Exception {
        servedBy(SALON);
        given(customers.findByPhone(1, "+4917612345678")).willReturn(Optional.empty());
        given(agents.inboundAgent(SALON)).willReturn(Optional.of("agent_salon_de"));
        given(variables.of(SALON.company(), SALON.branch(), null, NOW)).willReturn(Map.of("company_name", "Salon"));

        mvc.perform(signed("/retell/inbound", RINGING))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.call_inbound.override_agent_id").value("agent_salon_de"))
                .andExpect(jsonPath("$.call_inbound.dynamic_variables.company_name")
                        .value("Salon"))
                .andExpect(jsonPath("$.call_inbound.metadata.slotline_company").value("salon"))
                .andExpect(jsonPath("$.call_inbound.metadata.slotline_branch").value("2"));
        assertThat(published.stream(CallIncoming.class)).containsExactly(new CallIncoming(SALON));
    }

    @Test
    void withTheDatabaseAwayTheCallIsStillPutThrough() throws Exception {
        servedBy(SALON);
        given(customers.findByPhone(1, "+4917612345678")).willThrow(new DataAccessResourceFailureException("down"));
        given(agents.inboundAgent(SALON)).willThrow(new QueryTimeoutException("slow"));
        given(variables.of(SALON.company(), SALON.branch(), null, NOW)).willReturn(Map.of("company_name", "Salon"));

        mvc.perform(signed("/retell/inbound", RINGING))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.call_inbound.override_agent_id").doesNotExist())
                .andExpect(jsonPath("$.call_inbound.dynamic_variables.company_name")
                        .value("Salon"));
    }

    @Test
    void aNumberNobodyServesIsRejectedWithoutAFallbackAgent() throws Exception {
        mvc.perform(signed("/retell/inbound", RINGING))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.call_inbound.reject").value(true));
        verifyNoInteractions(customers, agents, variables);
    }

    @Test
    void aBodyWithoutTheInboundObjectIsABadRequest() throws Exception {
        servedBy(SALON);

        mvc.perform(signed("/retell/inbound", "{\"event\":\"call_inbound\",\"call_inbound\":\"+4930120000\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_inbound"));
        mvc.perform(signed("/retell/inbound", "{\"event\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_inbound"));
        verifyNoInteractions(customers, agents);
    }

    @Test
    void anotherKeysSignatureIsRefusedBeforeAnythingIsLookedUp() throws Exception {
        servedBy(SALON);

        mvc.perform(signedWith("key_other", "/retell/inbound", RINGING))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("invalid_signature"))
                .andExpect(jsonPath("$.message").value("X-Retell-Signature is mismatch"));
        verify(metrics).signatureRejected("mismatch");
        verifyNoInteractions(customers, agents, variables);
        assertThat(published.stream(CallIncoming.class)).isEmpty();
    }

    @Test
    void aBodyOverTheLimitIsRefusedUnread() throws Exception {
        String large = RINGING.replace("\"agent_x\"", "\"" + "x".repeat(17 * 1024) + "\"");

        mvc.perform(signed("/retell/inbound", large))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.error").value("payload_too_large"));
        verify(owners, org.mockito.Mockito.never()).of(any(), any());
    }
}
