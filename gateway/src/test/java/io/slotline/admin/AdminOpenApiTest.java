package io.slotline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AdminOpenApiTest extends AdminApiTestSupport {

    @Test
    void theAdminGroupDescribesTheApiAndItsBearerToken() {
        Response docs = send("GET", "/v3/api-docs/admin", null, null, null);

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().path("paths");
        assertThat(paths.has("/admin/api/companies")).isTrue();
        assertThat(paths.has("/admin/api/companies/{companyId}/phone-numbers")).isTrue();
        assertThat(paths.has("/admin/api/companies/{companyId}/calcom/sync")).isTrue();
        assertThat(paths.has("/admin/api/tenants/apply")).isTrue();
        assertThat(paths.has("/admin/api/calls")).isTrue();
        assertThat(paths.has("/admin/api/retell/tools")).isTrue();
        assertThat(paths.propertyNames()).allMatch(path -> path.startsWith("/admin/api/"));
        JsonNode scheme = docs.json().path("components").path("securitySchemes").path("adminToken");
        assertThat(scheme.path("type").asString()).isEqualTo("http");
        assertThat(scheme.path("scheme").asString()).isEqualTo("bearer");
        assertThat(docs.json().path("security").get(0).has("adminToken")).isTrue();
        JsonNode companyRequest = docs.json().path("components").path("schemas").path("CompanyRequest");
        assertThat(companyRequest
                        .path("properties")
                        .path("calcomApiKey")
                        .path("writeOnly")
                        .asBoolean())
                .isTrue();
        assertThat(paths.path("/admin/api/tenants/apply")
                        .path("post")
                        .path("requestBody")
                        .path("content")
                        .has("application/yaml"))
                .isTrue();
    }

    @Test
    void swaggerUiIsServed() throws Exception {
        HttpResponse<String> ui = http.send(
                HttpRequest.newBuilder(URI.create(url("/swagger-ui.html"))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> index = http.send(
                HttpRequest.newBuilder(URI.create(url("/swagger-ui/index.html")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(ui.statusCode()).isIn(200, 302);
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("swagger-ui");
    }
}
