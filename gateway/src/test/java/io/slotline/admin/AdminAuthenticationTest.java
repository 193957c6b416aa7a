package io.slotline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminAuthenticationTest extends AdminApiTestSupport {

    @Test
    void withoutTokenEveryAdminRequestIs401AndNothingChanges() {
        long companies = count("companies");
        String slug = uniqueSlug("no-token");

        Response created =
                send("POST", "/admin/api/companies", Map.of("slug", slug, "name", "Nope"), null, "application/json");
        Response listed = send("GET", "/admin/api/companies", null, null, null);

        assertThat(created.status()).isEqualTo(401);
        assertThat(created.error()).isEqualTo("unauthorized");
        assertThat(created.json().has("field")).isTrue();
        assertThat(listed.status()).isEqualTo(401);
        assertThat(count("companies")).isEqualTo(companies);
    }

    @Test
    void wrongTokenIs401AndNothingChanges() {
        long[] tenant = companyWithBranch(uniqueSlug("wrong-token"));
        long numbers = count("phone_numbers");

        Response added = send(
                "POST",
                "/admin/api/companies/" + tenant[0] + "/phone-numbers",
                Map.of("e164", randomE164(), "branchId", tenant[1]),
                TOKEN + "x",
                "application/json");
        Response deleted = send("DELETE", "/admin/api/companies/" + tenant[0], null, "admin_demo", null);

        assertThat(added.status()).isEqualTo(401);
        assertThat(deleted.status()).isEqualTo(401);
        assertThat(count("phone_numbers")).isEqualTo(numbers);
        assertThat(get("/admin/api/companies/" + tenant[0])
                        .json()
                        .path("active")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void bearerSchemeIsCaseInsensitiveButOtherSchemesAreRefused() throws Exception {
        var basic = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/admin/api/companies")))
                .header("Authorization", "Basic " + TOKEN)
                .build();
        assertThat(http.send(basic, java.net.http.HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(401);

        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/admin/api/companies")))
                .header("Authorization", "bearer " + TOKEN)
                .build();
        assertThat(http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theTokenGuardsOnlyTheAdminApi() {
        Response health = send("GET", "/actuator/health/liveness", null, null, null);

        assertThat(health.status()).isEqualTo(200);
    }

    @Test
    void operationsEndpointsOtherThanHealthNeedTheAdminToken() {
        for (String path :
                java.util.List.of("/actuator/metrics", "/actuator/info", "/actuator/prometheus", "/actuator")) {
            Response anonymous = send("GET", path, null, null, null);
            Response wrong = send("GET", path, null, TOKEN + "x", null);

            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(wrong.status()).as(path).isEqualTo(401);
        }
        assertThat(send("GET", "/actuator/metrics", null, TOKEN, null).status()).isEqualTo(200);
        assertThat(send("GET", "/actuator/info", null, TOKEN, null).status()).isEqualTo(200);
        assertThat(send("GET", "/actuator/health", null, null, null).status()).isEqualTo(200);
        assertThat(send("GET", "/actuator/health/readiness", null, null, null).status())
                .isEqualTo(200);
        assertThat(send("GET", "/livez", null, null, null).status()).isEqualTo(200);
    }
}
