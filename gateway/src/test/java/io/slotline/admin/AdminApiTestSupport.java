package io.slotline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.sim.CalcomSimulator;
import io.slotline.support.JvmSimulator;
import io.slotline.support.TestTenants;
import io.slotline.tenancy.TenantDirectory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One running gateway (H2, admin token set) against one embedded Cal.com simulator (demo scenario: keys cal_demo and
 * cal_other), shared by the admin API tests. They share the database too: each creates its own companies with
 * unique slugs and numbers and asserts only on those.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "slotline.admin.token=" + AdminApiTestSupport.TOKEN,
            // request and response bodies are logged at this level: secrets must still not appear
            "logging.level.org.springframework.web=DEBUG"
        })
@ActiveProfiles("test")
abstract class AdminApiTestSupport {

    static final String TOKEN = "test-admin-token-4e1c9b";
    static final CalcomSimulator SIMULATOR = JvmSimulator.start();

    @DynamicPropertySource
    static void calcom(DynamicPropertyRegistry registry) {
        registry.add("slotline.calcom.base-url", SIMULATOR::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** A spy so a test can make one write fail; it does the real work otherwise. */
    @MockitoSpyBean
    TenantDirectory directory;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    record Response(int status, String body, JsonNode json, String contentType) {

        String error() {
            return json.path("error").asString();
        }

        String field() {
            return json.path("field").asString(null);
        }
    }

    Response get(String path) {
        return send("GET", path, null, TOKEN, null);
    }

    Response post(String path, @Nullable Object body) {
        return send("POST", path, body, TOKEN, "application/json");
    }

    Response put(String path, Object body) {
        return send("PUT", path, body, TOKEN, "application/json");
    }

    Response patch(String path, Object body) {
        return send("PATCH", path, body, TOKEN, "application/json");
    }

    Response delete(String path) {
        return send("DELETE", path, null, TOKEN, null);
    }

    Response send(
            String method, String path, @Nullable Object body, @Nullable String token, @Nullable String contentType) {
        String text = body == null ? null : body instanceof String s ? s : json.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(
                        method,
                        text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = response.body().isBlank() ? json.missingNode() : json.readTree(response.body());
            return new Response(
                    response.statusCode(),
                    response.body(),
                    parsed,
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String randomE164() {
        return TestTenants.randomE164();
    }

    /** A company with one branch; returns {companyId, branchId}. */
    long[] companyWithBranch(String slug) {
        Response company = post("/admin/api/companies", Map.of("slug", slug, "name", "Test " + slug));
        if (company.status() != 201) {
            throw new IllegalStateException("company not created: " + company.body());
        }
        long companyId = company.json().path("id").asLong();
        Response branch = post(
                "/admin/api/companies/" + companyId + "/branches", Map.of("name", "Main", "timeZone", "Europe/Berlin"));
        if (branch.status() != 201) {
            throw new IllegalStateException("branch not created: " + branch.body());
        }
        return new long[] {companyId, branch.json().path("id").asLong()};
    }

    /** Refused as a bad request naming {@code field}. */
    static void assertBadRequestAt(Response response, String field) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.field()).isEqualTo(field);
    }

    /** The id of what a request created (or read). */
    static long id(Response response) {
        return response.json().path("id").asLong();
    }

    long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
