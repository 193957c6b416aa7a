package io.slotline.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Membership only: whether Redis answers decides its status, not whether readiness looks at it. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:readiness-redis;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
            "slotline.redis.enabled=true"
        })
@ActiveProfiles("test")
class ReadinessWithRedisTest {

    @LocalServerPort
    int port;

    @Test
    void readinessIncludesRedisWhenSlotlineUsesIt() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode readiness = JsonMapper.builder().build().readTree(response.body());

        assertThat(readiness.path("components").propertyNames())
                .containsExactlyInAnyOrder("readinessState", "db", "redis");
    }
}
