package io.slotline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every admin API error, from the controllers or from the token filter, is the same RFC 9457 problem. */
class AdminProblemsTest extends AdminApiTestSupport {

    private static void assertProblem(Response response, int status, String title, String error) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString("about:blank"))
                .as("absent: about:blank")
                .isEqualTo("about:blank");
        assertThat(response.json().path("title").asString()).isEqualTo(title);
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().path("error").asString()).isEqualTo(error);
        assertThat(response.json().path("detail").asString()).isNotBlank();
        assertThat(response.json().has("message"))
                .as("the detail is the message")
                .isFalse();
    }

    @Test
    void anInvalidValueNamesItsField() {
        Response invalid = post(
                "/admin/api/companies",
                Map.of("slug", uniqueSlug("tz"), "name", "Tz", "defaultTimeZone", "Mars/Olympus"));

        assertProblem(invalid, 400, "Bad Request", "invalid_value");
        assertThat(invalid.field()).isEqualTo("defaultTimeZone");
    }

    @Test
    void anUnknownIdNamesNoField() {
        Response missing = get("/admin/api/companies/987654321");

        assertProblem(missing, 404, "Not Found", "not_found");
        assertThat(missing.json().path("detail").asString()).isEqualTo("company 987654321 not found");
        assertThat(missing.json().path("field").isNull())
                .as("field is there, and null")
                .isTrue();
    }

    @Test
    void theTokenFilterAnswersTheSameWay() {
        Response anonymous = send("GET", "/admin/api/companies", null, null, null);

        assertProblem(anonymous, 401, "Unauthorized", "unauthorized");
        assertThat(anonymous.json().path("field").isNull()).isTrue();
    }
}
