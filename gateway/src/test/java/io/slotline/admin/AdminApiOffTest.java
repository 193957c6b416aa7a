package io.slotline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** No slotline.admin.token: the admin API does not exist, whatever token is sent. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AdminApiOffTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyAdminPathAnswers404AndNothingIsWritten() throws Exception {
        HttpResponse<String> list = http.send(
                HttpRequest.newBuilder(uri("/admin/api/companies"))
                        .header("Authorization", "Bearer admin_demo")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> create = http.send(
                HttpRequest.newBuilder(uri("/admin/api/companies"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"slug\":\"off\",\"name\":\"Off\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> tools = http.send(
                HttpRequest.newBuilder(uri("/admin/api/retell/tools")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(list.statusCode()).isEqualTo(404);
        assertThat(create.statusCode()).isEqualTo(404);
        assertThat(tools.statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM companies WHERE slug = 'off'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @Test
    void withoutAnAdminTokenOperationsEndpointsBeyondHealthDoNotExist() throws Exception {
        HttpResponse<String> metrics = http.send(
                HttpRequest.newBuilder(uri("/actuator/metrics"))
                        .header("Authorization", "Bearer admin_demo")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> health = http.send(
                HttpRequest.newBuilder(uri("/actuator/health/liveness")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(metrics.statusCode()).isEqualTo(404);
        assertThat(health.statusCode()).isEqualTo(200);
    }
}
