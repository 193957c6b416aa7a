package io.slotline.console;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import io.slotline.support.TestTenants;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.CompanySecret;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The setup page as a web slice: what a company account and an operator see, the Cal.com sync, and the keys only
 * an operator may set (never shown, blank keeps the stored one).
 */
class SetupControllerTest extends ConsoleWebSlice {

    private static final Company COMPANY = TestTenants.company(SALON, "salon", "Salon Sieben");

    @Test
    void anOperatorPicksTheCompanyFirst() throws Exception {
        mvc.perform(get("/console/setup").with(as(OPERATOR)))
                .andExpect(status().isOk())
                .andExpect(view().name("console/setup"))
                .andExpect(model().attributeDoesNotExist("company"));
    }

    @Test
    void anOperatorSeesWhichKeysAreSetButNotThem() throws Exception {
        given(directory.companyUncached(SALON)).willReturn(Optional.of(COMPANY));
        given(directory.secretHints(SALON)).willReturn(Map.of(CompanySecret.CALCOM_API_KEY, "1234"));
        given(operations.retellToolsJson()).willReturn("[]");

        mvc.perform(get("/console/setup").param("company", "7").with(as(OPERATOR)))
                .andExpect(status().isOk())
                .andExpect(model().attribute("company", COMPANY))
                .andExpect(model().attribute("hints", org.hamcrest.Matchers.hasEntry("CALCOM_API_KEY", "1234")));
    }

    @Test
    void aCompanyAccountSeesNoHints() throws Exception {
        given(directory.companyUncached(SALON)).willReturn(Optional.of(COMPANY));
        given(operations.retellToolsJson()).willReturn("[]");

        mvc.perform(get("/console/setup").with(as(SALON_ACCOUNT)))
                .andExpect(status().isOk())
                .andExpect(model().attribute("company", COMPANY))
                .andExpect(model().attributeDoesNotExist("hints"));
    }

    @Test
    void aSyncIsADryRunUnlessSaidOtherwise() throws Exception {
        mvc.perform(post("/console/setup/7/sync").with(csrf()).with(as(SALON_ACCOUNT)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/console/setup#sync"));
        verify(operations).calcomSync(SALON, true);
    }

    @Test
    void aCompanyAccountCannotSyncAnotherCompany() throws Exception {
        mvc.perform(post("/console/setup/8/sync").with(csrf()).with(as(SALON_ACCOUNT)))
                .andExpect(status().isNotFound());
        verify(operations, never()).calcomSync(anyLong(), anyBoolean());
    }

    @Test
    void anOperatorSetsTheKeysThatAreNotBlank() throws Exception {
        given(directory.companyUncached(SALON)).willReturn(Optional.of(COMPANY));

        mvc.perform(post("/console/setup/7/keys")
                        .param("calcomApiKey", " cal_live_new ")
                        .param("calcomWebhookSecret", "")
                        .with(csrf())
                        .with(as(OPERATOR)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/console/setup?company=7#keys"))
                .andExpect(flash().attribute("keysChanged", 1));
        verify(directory).setSecret(SALON, CompanySecret.CALCOM_API_KEY, "cal_live_new");
        verify(directory, never()).setSecret(SALON, CompanySecret.CALCOM_WEBHOOK_SECRET, "");
    }

    @Test
    void aKeyWithSpacesInsideIsRefused() throws Exception {
        given(directory.companyUncached(SALON)).willReturn(Optional.of(COMPANY));

        mvc.perform(post("/console/setup/7/keys")
                        .param("retellApiKey", "key with spaces")
                        .with(csrf())
                        .with(as(OPERATOR)))
                .andExpect(status().isBadRequest())
                .andExpect(view().name("console/error"));
        verify(directory, never()).setSecret(anyLong(), any(), anyString());
    }

    @Test
    void aCompanyAccountCannotSetKeys() throws Exception {
        mvc.perform(post("/console/setup/7/keys")
                        .param("calcomApiKey", "cal_live_new")
                        .with(csrf())
                        .with(as(SALON_ACCOUNT)))
                .andExpect(status().isForbidden());
        verify(directory, never()).setSecret(anyLong(), any(), anyString());
    }
}
