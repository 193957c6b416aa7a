package io.slotline.admin;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.slotline.tenancy.ImportReport;
import io.slotline.tenancy.ImportReport.Counts;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;

/**
 * Tenant files and the Cal.com sync, check and webhooks through the admin API alone (a web slice, the onboarding
 * services mocked): what a tenant file must be before it is applied, the dryRun flag, and the webhooks a sync
 * that created services subscribes on its way out.
 */
class OnboardingControllerTest extends AdminWebSlice {

    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    @Test
    void aTenantFileIsReadAndAppliedAsADryRunWhenAsked() throws Exception {
        Counts one = new Counts(1, 0, 0, 0);
        given(tenantFiles.apply(any(), eq(true)))
                .willReturn(new TenantFiles.ApplyResult(
                        true,
                        true,
                        new ImportReport(7, one, one, one, one, one, one, Counts.NONE, Counts.NONE, Counts.NONE)));

        mvc.perform(post("/admin/api/tenants/apply")
                        .param("dryRun", "true")
                        .header("Authorization", AUTHORIZATION)
                        .contentType(YAML)
                        .content(new ClassPathResource("demo/demo-salon.yaml").getContentAsByteArray()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.changed").value(true))
                .andExpect(jsonPath("$.report.companyId").value(7));
    }

    @Test
    void anEmptyBodyIsAMissingValue() throws Exception {
        mvc.perform(post("/admin/api/tenants/apply")
                        .header("Authorization", AUTHORIZATION)
                        .contentType(YAML))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("missing_value"))
                .andExpect(jsonPath("$.field").value("body"));
        verifyNoInteractions(tenantFiles);
    }

    @Test
    void aFileThatIsNoTenantFileIsRefusedBeforeAnythingIsApplied() throws Exception {
        mvc.perform(post("/admin/api/tenants/apply")
                        .header("Authorization", AUTHORIZATION)
                        .contentType(YAML)
                        .content("company: [not, a, company]\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_tenant_file"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("invalid tenant file: ")));
        verifyNoInteractions(tenantFiles);
    }

    @Test
    void aTenantFileAsPlainTextIsAnUnsupportedMediaType() throws Exception {
        mvc.perform(post("/admin/api/tenants/apply")
                        .header("Authorization", AUTHORIZATION)
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("company: {}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error").value("unsupported_media_type"));
    }

    @Test
    void aDryRunThatIsNoBooleanIsABadRequest() throws Exception {
        mvc.perform(post("/admin/api/companies/4/calcom/sync")
                        .param("dryRun", "perhaps")
                        .header("Authorization", AUTHORIZATION))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("dryRun"))
                .andExpect(jsonPath("$.detail").value("dryRun must be true or false"));
        verifyNoInteractions(calcomSync);
    }

    @Test
    void aSyncThatCreatedServicesSubscribesTheirWebhooksAtThisHost() throws Exception {
        given(calcomSync.sync(4, false)).willReturn(syncReport(1));
        given(directory.calcomWebhookSecret(4)).willReturn(Optional.of("whsec"));
        given(calcomWebhooks.ensure(4, "http://localhost", false))
                .willReturn(new CalcomWebhooks.Report(4, false, "http://localhost/calcom/webhook", 1, 0, 0, List.of()));

        mvc.perform(post("/admin/api/companies/4/calcom/sync").header("Authorization", AUTHORIZATION))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.webhooks.subscribed").value(1));
    }

    @Test
    void aSyncStillAnswersWhenTheWebhooksCannotBeChecked() throws Exception {
        given(calcomSync.sync(4, false)).willReturn(syncReport(1));
        given(directory.calcomWebhookSecret(4)).willReturn(Optional.of("whsec"));
        given(calcomWebhooks.ensure(anyLong(), anyString(), anyBoolean()))
                .willThrow(new IllegalStateException("Cal.com is down"));

        mvc.perform(post("/admin/api/companies/4/calcom/sync").header("Authorization", AUTHORIZATION))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.webhooks").doesNotExist());
    }

    @Test
    void aDryRunSyncSubscribesNothing() throws Exception {
        given(calcomSync.sync(4, true)).willReturn(syncReport(1));

        mvc.perform(post("/admin/api/companies/4/calcom/sync")
                        .param("dryRun", "true")
                        .header("Authorization", AUTHORIZATION))
                .andExpect(status().isOk());
        verify(calcomWebhooks, never()).ensure(anyLong(), anyString(), anyBoolean());
    }

    @Test
    void theCheckIsAskedWithThisHostAsTheWebhookBase() throws Exception {
        given(calcomCheck.check(4, "http://localhost"))
                .willReturn(new CalcomCheck.Report(4, "salon", true, 0, 0, List.of()));

        mvc.perform(get("/admin/api/companies/4/calcom/check").header("Authorization", AUTHORIZATION))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.company").value("salon"));
    }

    @Test
    void withoutTheTokenNothingIsApplied() throws Exception {
        mvc.perform(post("/admin/api/tenants/apply").contentType(YAML).content("company: {}"))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(tenantFiles);
    }

    private static CalcomSync.Report syncReport(int created) {
        return new CalcomSync.Report(4, false, "anna", List.of(), 3, created, 0, 2, 0, 0, 0, List.of(), null);
    }
}
