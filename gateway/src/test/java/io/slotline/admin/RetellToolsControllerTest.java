package io.slotline.admin;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.slotline.retell.RetellAgentConfiguration.PayloadMode;
import io.slotline.support.TestTenants;
import io.slotline.tenancy.Company;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Retell tool definitions and a company's agent through the admin API alone (a web slice, the agent
 * configuration and the directory mocked): the payload flag, the public base URL the tools point at, and the
 * refusals.
 */
class RetellToolsControllerTest extends AdminWebSlice {

    @Test
    void theToolsPointAtThePublicBaseUrlWithoutItsTrailingSlash() throws Exception {
        given(configuration.tools(eq(PUBLIC_BASE_URL), eq(PayloadMode.FULL), isNull(), any()))
                .willReturn(List.of(Map.of("name", "check_availability")));

        mvc.perform(get("/admin/api/retell/tools").header("Authorization", AUTHORIZATION))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("check_availability"));
    }

    @Test
    void argsOnlyIsAcceptedInEitherSpellingAndCase() throws Exception {
        given(configuration.tools(eq(PUBLIC_BASE_URL), eq(PayloadMode.ARGS_ONLY), isNull(), any()))
                .willReturn(List.of(Map.of("name", "book_appointment")));

        for (String payload : List.of("args_only", " Args-Only ")) {
            mvc.perform(get("/admin/api/retell/tools").param("payload", payload).header("Authorization", AUTHORIZATION))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].name").value("book_appointment"));
        }
    }

    @Test
    void anUnknownPayloadIsABadRequestNamingIt() throws Exception {
        mvc.perform(get("/admin/api/retell/tools").param("payload", "compact").header("Authorization", AUTHORIZATION))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_value"))
                .andExpect(jsonPath("$.field").value("payload"))
                .andExpect(jsonPath("$.detail").value("payload must be full or args_only"));
        verifyNoInteractions(configuration);
    }

    @Test
    void aCompanysAgentIsBuiltForThatCompany() throws Exception {
        Company company = TestTenants.company(4, "salon", "Salon");
        given(directory.companyUncached(4)).willReturn(Optional.of(company));
        given(configuration.llm(eq(company), eq(PUBLIC_BASE_URL), eq(PayloadMode.FULL), any()))
                .willReturn(Map.of("begin_message", "{{greeting}}"));

        mvc.perform(get("/admin/api/companies/4/retell/agent").header("Authorization", AUTHORIZATION))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.begin_message").value("{{greeting}}"));
    }

    @Test
    void theAgentOfAnUnknownCompanyIsNotFound() throws Exception {
        given(directory.companyUncached(5)).willReturn(Optional.empty());

        mvc.perform(get("/admin/api/companies/5/retell/agent").header("Authorization", AUTHORIZATION))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("company 5 not found"));
        verifyNoInteractions(configuration);
    }

    @Test
    void withoutTheTokenNoToolIsShown() throws Exception {
        mvc.perform(get("/admin/api/retell/tools")).andExpect(status().isUnauthorized());
        verifyNoInteractions(configuration);
    }
}
