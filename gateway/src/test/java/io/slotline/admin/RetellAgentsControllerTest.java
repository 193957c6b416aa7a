package io.slotline.admin;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.slotline.support.TestTenants;
import io.slotline.tenancy.Language;
import io.slotline.tenancy.RetellAgent;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * A company's Retell agents through the admin API alone (a web slice, the agents and the directory mocked): what
 * is checked before an agent is configured, and how a refusal names its field.
 */
class RetellAgentsControllerTest extends AdminWebSlice {

    private static final String AGENTS = "/admin/api/companies/4/retell/agents/";

    @BeforeEach
    void company() {
        given(directory.companyUncached(4)).willReturn(Optional.of(TestTenants.company(4, "salon", "Salon")));
        given(directory.allBranches(4)).willReturn(List.of());
    }

    @Test
    void anAgentIsConfiguredForTheCompanyInItsLanguage() throws Exception {
        given(agents.configure(any())).willReturn(true);

        mvc.perform(put(AGENTS + "agent_abc")
                        .header("Authorization", AUTHORIZATION)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"language\":\"en\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.agentId").value("agent_abc"))
                .andExpect(jsonPath("$.companyId").value(4))
                .andExpect(jsonPath("$.language").value("en"))
                .andExpect(jsonPath("$.learnt").value(false));
        verify(agents).configure(new RetellAgent("agent_abc", 4, null, null, Language.EN, false));
    }

    @Test
    void aBranchOfAnotherCompanyIsRefusedBeforeAnythingIsStored() throws Exception {
        mvc.perform(put(AGENTS + "agent_abc")
                        .header("Authorization", AUTHORIZATION)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"branchId\":99}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_value"))
                .andExpect(jsonPath("$.field").value("branchId"));
        verify(agents, never()).configure(any());
    }

    @Test
    void anAgentOfAnotherCompanyIsAConflict() throws Exception {
        given(agents.configure(any())).willReturn(false);

        mvc.perform(put(AGENTS + "agent_taken").header("Authorization", AUTHORIZATION))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field").value("agentId"));
    }

    @Test
    void removingAnUnknownAgentIsNotFound() throws Exception {
        given(agents.remove(4, "agent_gone")).willReturn(false);

        mvc.perform(delete(AGENTS + "agent_gone").header("Authorization", AUTHORIZATION))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("not_found"));
    }

    @Test
    void anUnknownCompanyIsNotFound() throws Exception {
        given(directory.companyUncached(5)).willReturn(Optional.empty());

        mvc.perform(put("/admin/api/companies/5/retell/agents/agent_abc").header("Authorization", AUTHORIZATION))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("company 5 not found"));
    }
}
