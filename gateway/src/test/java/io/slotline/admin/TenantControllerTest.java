package io.slotline.admin;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.slotline.admin.TenantRequests.CompanyRequest;
import io.slotline.admin.TenantRequests.PhoneNumberRequest;
import io.slotline.admin.TenantViews.CompanyView;
import io.slotline.admin.TenantViews.SecretView;
import io.slotline.admin.TenantViews.SecretsView;
import io.slotline.admin.TenantViews.StaffView;
import io.slotline.tenancy.Policies;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;

/**
 * The tenant resources of the admin API alone (a web slice, the per-resource admin services mocked): 201 with a
 * Location for what is created, PUT replaces and PATCH changes, request bodies are read strictly, and whatever
 * is wrong with a request is a 4xx problem naming the field, never a server error.
 */
class TenantControllerTest extends AdminWebSlice {

    private static final String COMPANIES = "/admin/api/companies";

    @Test
    void aCreatedCompanyIsAt201WithItsLocationAndNoSecret() throws Exception {
        given(companies.createCompany(any())).willReturn(company());

        mvc.perform(post(COMPANIES)
                        .header("Authorization", AUTHORIZATION)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"slug\":\"salon-nord\",\"name\":\"Salon Nord\",\"calcomApiKey\":\"cal_live_1234\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/admin/api/companies/4"))
                .andExpect(jsonPath("$.slug").value("salon-nord"))
                .andExpect(jsonPath("$.secrets.calcomApiKey.set").value(true))
                .andExpect(jsonPath("$.secrets.calcomApiKey.hint").value("…1234"))
                .andExpect(jsonPath("$.calcomApiKey").doesNotExist());
        verify(companies)
                .createCompany(new CompanyRequest(
                        "salon-nord", "Salon Nord", null, null, null, null, null, "cal_live_1234", null, null));
    }

    @Test
    void putReplacesAndPatchChangesOnlyWhatItCarries() throws Exception {
        given(companies.updateCompany(eq(4L), any(), any(Boolean.class))).willReturn(company());
        CompanyRequest rename = new CompanyRequest(null, "Salon Süd", null, null, null, null, null, null, null, null);

        mvc.perform(put(COMPANIES + "/4")
                        .header("Authorization", AUTHORIZATION)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Salon Süd\"}"))
                .andExpect(status().isOk());
        verify(companies).updateCompany(4, rename, false);

        mvc.perform(patch(COMPANIES + "/4")
                        .header("Authorization", AUTHORIZATION)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Salon Süd\"}"))
                .andExpect(status().isOk());
        verify(companies).updateCompany(4, rename, true);
    }

    @Test
    void aMistypedFieldIsRefusedNotIgnored() throws Exception {
        mvc.perform(patch(COMPANIES + "/4")
                        .header("Authorization", AUTHORIZATION)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"retelApiKey\":\"key_1\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.error").value("unknown_field"))
                .andExpect(jsonPath("$.field").value("retelApiKey"));
        verifyNoInteractions(companies);
    }

    @Test
    void aValueOfTheWrongTypeNamesItsPath() throws Exception {
        mvc.perform(post(COMPANIES)
                        .header("Authorization", AUTHORIZATION)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"slug\":\"s\",\"policies\":{\"cancellationFees\":[{\"feeCents\":\"ten\"}]}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_value"))
                .andExpect(jsonPath("$.field").value("policies.cancellationFees[0].feeCents"))
                .andExpect(jsonPath("$.detail").value("policies.cancellationFees[0].feeCents must be an integer"));
        verifyNoInteractions(companies);
    }

    @Test
    void brokenJsonAndAnotherMediaTypeAreClientErrors() throws Exception {
        mvc.perform(post(COMPANIES + "/4/staff")
                        .header("Authorization", AUTHORIZATION)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("malformed_json"));
        mvc.perform(post(COMPANIES + "/4/staff")
                        .header("Authorization", AUTHORIZATION)
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("name=Anna"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error").value("unsupported_media_type"));
        verifyNoInteractions(staff);
    }

    @Test
    void anIdThatIsNoNumberIsABadRequest() throws Exception {
        mvc.perform(get(COMPANIES + "/salon/services").header("Authorization", AUTHORIZATION))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("companyId"))
                .andExpect(jsonPath("$.detail").value("companyId must be an integer"));
        verifyNoInteractions(services);
    }

    @Test
    void aNumberTakenInARaceIsAConflictNamingTheField() throws Exception {
        given(phoneNumbers.addPhoneNumber(anyLong(), any()))
                .willThrow(new DuplicateKeyException("duplicate key value violates uq_phone_numbers_e164"));

        mvc.perform(post(COMPANIES + "/4/phone-numbers")
                        .header("Authorization", AUTHORIZATION)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"e164\":\"+4930123456\",\"branchId\":2}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("conflict"))
                .andExpect(jsonPath("$.field").value("e164"))
                .andExpect(jsonPath("$.detail").value("e164 is already taken"));
        verify(phoneNumbers).addPhoneNumber(4, new PhoneNumberRequest("+4930123456", 2L, null));
    }

    @Test
    void linkingStaffIs201WhenNewAnd200WhenAlreadyLinked() throws Exception {
        given(serviceStaff.staffOfService(4, 7)).willReturn(List.of(new StaffView(3, 4, 2, "Anna", "anna", 11L, true)));
        given(serviceStaff.link(4, 7, 3L)).willReturn(true, false);

        mvc.perform(post(COMPANIES + "/4/services/7/staff")
                        .header("Authorization", AUTHORIZATION)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"staffId\":3}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/admin/api/companies/4/services/7/staff/3"))
                .andExpect(jsonPath("$[0].name").value("Anna"));
        mvc.perform(post(COMPANIES + "/4/services/7/staff")
                        .header("Authorization", AUTHORIZATION)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"staffId\":3}"))
                .andExpect(status().isOk())
                .andExpect(header().doesNotExist("Location"));
    }

    @Test
    void anUnknownCompanyIsANotFoundProblem() throws Exception {
        given(companies.deactivateCompany(9)).willThrow(AdminException.notFound("company 9"));

        mvc.perform(delete(COMPANIES + "/9").header("Authorization", AUTHORIZATION))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("not_found"))
                .andExpect(jsonPath("$.detail").value("company 9 not found"));
    }

    @Test
    void withoutTheTokenNothingIsCreated() throws Exception {
        mvc.perform(post(COMPANIES).contentType(MediaType.APPLICATION_JSON).content("{\"slug\":\"s\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"slotline-admin\""))
                .andExpect(jsonPath("$.detail").value("Authorization: Bearer <admin token> is required"));
        verifyNoInteractions(companies);
    }

    private static CompanyView company() {
        return new CompanyView(
                4,
                "salon-nord",
                "Salon Nord",
                "de",
                "Europe/Berlin",
                new Policies(6, 12, 2, List.of()),
                60,
                true,
                new SecretsView(SecretView.of("1234"), SecretView.of(null), SecretView.of(null)));
    }
}
