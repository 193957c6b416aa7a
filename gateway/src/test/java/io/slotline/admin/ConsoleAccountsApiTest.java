package io.slotline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** /admin/api/console-accounts: who may sign in to the console; passwords write-only and hashed. */
class ConsoleAccountsApiTest extends AdminApiTestSupport {

    @Test
    void createsOperatorAndCompanyAccountsWithoutEverShowingAPassword() {
        long company = companyWithBranch(uniqueSlug("accounts"))[0];
        String operator = uniqueSlug("ops");
        String owner = uniqueSlug("Owner");

        Response createdOperator = post(
                "/admin/api/console-accounts",
                Map.of("username", operator, "password", "long-enough-1", "role", "operator"));
        Response createdOwner = post(
                "/admin/api/console-accounts",
                Map.of(
                        "username",
                        owner,
                        "password",
                        "long-enough-2",
                        "role",
                        "company",
                        "companyId",
                        company,
                        "language",
                        "de"));

        assertThat(createdOperator.status()).isEqualTo(201);
        assertThat(createdOperator.json().path("role").asString()).isEqualTo("operator");
        assertThat(createdOwner.status()).isEqualTo(201);
        assertThat(createdOwner.json().path("username").asString()).isEqualTo(owner.toLowerCase());
        assertThat(createdOwner.json().path("companyId").asLong()).isEqualTo(company);
        assertThat(createdOwner.body()).doesNotContain("long-enough").doesNotContain("password");
        assertThat(get("/admin/api/console-accounts?companyId=" + company)
                        .json()
                        .findValuesAsString("username"))
                .containsExactly(owner.toLowerCase());
        assertThat(jdbc.sql("SELECT password_hash FROM console_accounts WHERE username = :u")
                        .param("u", owner.toLowerCase())
                        .query(String.class)
                        .single())
                .startsWith("{bcrypt}");
    }

    @Test
    void refusesWhatCannotWork() {
        long company = companyWithBranch(uniqueSlug("accounts-bad"))[0];
        String taken = uniqueSlug("taken");
        post("/admin/api/console-accounts", Map.of("username", taken, "password", "long-enough-1", "role", "operator"));

        Response duplicate = post(
                "/admin/api/console-accounts",
                Map.of("username", taken.toUpperCase(), "password", "long-enough-1", "role", "operator"));
        Response shortPassword = post(
                "/admin/api/console-accounts",
                Map.of("username", uniqueSlug("short"), "password", "short", "role", "operator"));
        Response operatorWithCompany = post(
                "/admin/api/console-accounts",
                Map.of(
                        "username",
                        uniqueSlug("x"),
                        "password",
                        "long-enough-1",
                        "role",
                        "operator",
                        "companyId",
                        company));
        Response companyWithout = post(
                "/admin/api/console-accounts",
                Map.of("username", uniqueSlug("y"), "password", "long-enough-1", "role", "company"));
        Response unknownCompany = post(
                "/admin/api/console-accounts",
                Map.of(
                        "username",
                        uniqueSlug("z"),
                        "password",
                        "long-enough-1",
                        "role",
                        "company",
                        "companyId",
                        999_999));
        Response badRole = post(
                "/admin/api/console-accounts",
                Map.of("username", uniqueSlug("r"), "password", "long-enough-1", "role", "admin"));
        Response badName = post(
                "/admin/api/console-accounts",
                Map.of("username", "a b", "password", "long-enough-1", "role", "operator"));
        Response unknownField = post(
                "/admin/api/console-accounts",
                Map.of("username", uniqueSlug("u"), "passwort", "long-enough-1", "role", "operator"));
        Response noToken = send(
                "POST",
                "/admin/api/console-accounts",
                Map.of("username", uniqueSlug("t"), "password", "long-enough-1", "role", "operator"),
                null,
                "application/json");

        assertThat(duplicate.status()).isEqualTo(409);
        assertBadRequestAt(shortPassword, "password");
        assertThat(operatorWithCompany.status()).isEqualTo(400);
        assertThat(companyWithout.status()).isEqualTo(400);
        assertThat(unknownCompany.status()).isEqualTo(404);
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badName.field()).isEqualTo("username");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(noToken.status()).isEqualTo(401);
    }

    @Test
    void changesPasswordAndDeactivates() {
        String user = uniqueSlug("change");
        long id = id(post(
                "/admin/api/console-accounts",
                Map.of("username", user, "password", "long-enough-1", "role", "operator")));
        String before = hash(user);

        Response changed = patch("/admin/api/console-accounts/" + id, Map.of("password", "another-long-2"));
        Response deactivated = delete("/admin/api/console-accounts/" + id);

        assertThat(changed.status()).isEqualTo(200);
        assertThat(hash(user)).isNotEqualTo(before).startsWith("{bcrypt}");
        assertThat(deactivated.json().path("active").asBoolean()).isFalse();
        assertThat(get("/admin/api/console-accounts/" + id)
                        .json()
                        .path("active")
                        .asBoolean())
                .isFalse();
        assertThat(get("/admin/api/console-accounts/999999").status()).isEqualTo(404);
    }

    @Test
    void aTenantFileBringsItsCompanyAccountsIdempotently() {
        String slug = uniqueSlug("file-accounts");
        String user = uniqueSlug("front-desk");
        String yaml = TenantYaml.salon(slug, randomE164()) + """
                consoleAccounts:
                  - {username: %s, password: front-desk-pass, language: en}
                """.formatted(user);

        Response first = send("POST", "/admin/api/tenants/apply", yaml, TOKEN, "application/yaml");
        String hash = hash(user);
        Response second = send("POST", "/admin/api/tenants/apply", yaml, TOKEN, "application/yaml");
        Response elsewhere = send(
                "POST",
                "/admin/api/tenants/apply",
                TenantYaml.salon(uniqueSlug("thief"), randomE164()) + "consoleAccounts:\n  - {username: " + user
                        + ", password: stolen-password}\n",
                TOKEN,
                "application/yaml");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json()
                        .path("report")
                        .path("consoleAccounts")
                        .path("created")
                        .asInt())
                .isEqualTo(1);
        assertThat(second.json()
                        .path("report")
                        .path("consoleAccounts")
                        .path("unchanged")
                        .asInt())
                .isEqualTo(1);
        assertThat(second.json().path("changed").asBoolean()).isFalse();
        assertThat(hash(user)).as("an unchanged password is not re-hashed").isEqualTo(hash);
        assertThat(elsewhere.status()).isBetween(400, 409);
        assertThat(hash(user)).isEqualTo(hash);
    }

    private String hash(String user) {
        return jdbc.sql("SELECT password_hash FROM console_accounts WHERE username = :u")
                .param("u", user.toLowerCase())
                .query(String.class)
                .single();
    }
}
