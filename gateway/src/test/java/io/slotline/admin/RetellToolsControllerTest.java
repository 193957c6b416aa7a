package io.slotline.admin;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.slotline.retell.RetellAgentConfiguration;
import io.slotline.retell.RetellAgentConfiguration.PayloadMode;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.Language;
import io.slotline.tenancy.Policies;
import io.slotline.tenancy.TenantDirectory;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The Retell tool definitions and a company's agent through the admin API alone (a web slice, the agent
 * configuration and the directory mocked): the payload flag, the public base URL the tools point at, and the
 * refusals.
 */
@WebMvcTest(
        useDefaultFilters = false,
        includeFilters =
                @ComponentScan.Filter(
                        type = FilterType.ASSIGNABLE_TYPE,
                        classes = {RetellToolsController.class, AdminErrors.class, AdminConfiguration.class}),
        excludeAutoConfiguration = {
            SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class
        })
@EnableConfigurationProperties({AdminProperties.class, OperationsProperties.class})
@TestPropertySource(
        properties = {
            "slotline.admin.token=" + RetellToolsControllerTest.TOKEN,
            "slotline.public-base-url= https://gateway.example.com/ "
        })
class RetellToolsControllerTest {

    static final String TOKEN = "slice-admin-token-e2d8";
    private static final String AUTHORIZATION = "Bearer " + TOKEN;
    private static final String BASE = "https://gateway.example.com";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RetellAgentConfiguration configuration;

    @MockitoBean
    TenantDirectory directory;

    @Test
    void theToolsPointAtThePublicBaseUrlWithoutItsTrailingSlash() throws Exception {
        given(configuration.tools(eq(BASE), eq(PayloadMode.FULL), isNull(), any()))
                .willReturn(List.of(Map.of("name", "check_availability")));

        mvc.perform(get("/admin/api/retell/tools").header("Authorization", AUTHORIZATION))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("check_availability"));
    }

    @Test
    void argsOnlyIsAcceptedInEitherSpellingAndCase() throws Exception {
        given(configuration.tools(eq(BASE), eq(PayloadMode.ARGS_ONLY), isNull(), any()))
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
        Company company = new Company(
                4,
                "salon",
                "Salon",
                Language.DE,
                ZoneId.of("Europe/Berlin"),
                new Policies(6, 12, 2, List.of()),
                60,
                true);
        given(directory.companyUncached(4)).willReturn(Optional.of(company));
        given(configuration.llm(eq(company), eq(BASE), eq(PayloadMode.FULL), any()))
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
