package io.slotline.admin;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.slotline.console.AccountRole;
import io.slotline.console.ConsoleAccount;
import io.slotline.console.ConsoleAccountException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The console-accounts resource of the admin API alone (a web slice of the resource, the admin API's error advice
 * and configuration, the account service mocked): the token filter in front of it, and the account service's
 * refusals as problem details naming the field.
 */
class ConsoleAccountsControllerTest extends AdminWebSlice {

    @Test
    void anAccountIsShownWithoutItsPassword() throws Exception {
        Instant created = Instant.parse("2026-03-02T09:00:00Z");
        given(accounts.find(7))
                .willReturn(Optional.of(
                        new ConsoleAccount(7, "salon", AccountRole.COMPANY, 3L, null, true, null, created, created)));

        mvc.perform(get("/admin/api/console-accounts/7").header("Authorization", AUTHORIZATION))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("salon"))
                .andExpect(jsonPath("$.role").value("company"))
                .andExpect(jsonPath("$.companyId").value(3))
                .andExpect(jsonPath("$.password").doesNotExist());
    }

    @Test
    void anUnknownAccountIsANotFoundProblem() throws Exception {
        given(accounts.find(8)).willReturn(Optional.empty());

        mvc.perform(get("/admin/api/console-accounts/8").header("Authorization", AUTHORIZATION))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.error").value("not_found"))
                .andExpect(jsonPath("$.detail").value("console account 8 not found"));
    }

    @Test
    void aTakenUsernameIsAConflictNamingTheField() throws Exception {
        given(accounts.create(any()))
                .willThrow(new ConsoleAccountException(
                        ConsoleAccountException.Kind.CONFLICT, "username", "username salon is taken"));

        mvc.perform(post("/admin/api/console-accounts")
                        .header("Authorization", AUTHORIZATION)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"salon\",\"password\":\"long-enough-1\",\"role\":\"operator\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("conflict"))
                .andExpect(jsonPath("$.field").value("username"))
                .andExpect(jsonPath("$.detail").value("username salon is taken"));
    }

    @Test
    void aMissingRoleIsRefusedBeforeTheServiceIsAsked() throws Exception {
        mvc.perform(post("/admin/api/console-accounts")
                        .header("Authorization", AUTHORIZATION)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"salon\",\"password\":\"long-enough-1\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_value"))
                .andExpect(jsonPath("$.field").value("role"));
    }

    @Test
    void withoutTheTokenNothingIsAsked() throws Exception {
        mvc.perform(get("/admin/api/console-accounts/7"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("unauthorized"));
    }
}
