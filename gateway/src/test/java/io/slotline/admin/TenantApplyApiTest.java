package io.slotline.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantApplyApiTest extends AdminApiTestSupport {

    private Response apply(String yaml, String query) {
        return send("POST", "/admin/api/tenants/apply" + query, yaml, TOKEN, "application/yaml");
    }

    @Test
    void applyingTheSameFileTwiceChangesNothingTheSecondTime() {
        String slug = uniqueSlug("file");
        String yaml = TenantYaml.salon(slug, randomE164());

        Response first = apply(yaml, "");
        List<Map<String, Object>> rowsAfterFirst = tenantRows(slug);
        Response second = apply(yaml, "");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("changed").asBoolean()).isTrue();
        assertThat(first.json().path("report").path("services").path("created").asInt())
                .isEqualTo(2);
        assertThat(first.json()
                        .path("report")
                        .path("serviceStaff")
                        .path("created")
                        .asInt())
                .isEqualTo(3);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("changed").asBoolean()).isFalse();
        assertThat(second.json()
                        .path("report")
                        .path("services")
                        .path("unchanged")
                        .asInt())
                .isEqualTo(2);
        assertThat(second.json()
                        .path("report")
                        .path("secrets")
                        .path("unchanged")
                        .asInt())
                .isEqualTo(2);
        assertThat(tenantRows(slug)).isEqualTo(rowsAfterFirst);
        assertThat(first.body()).doesNotContain("cal_file_" + slug).doesNotContain("key_file_" + slug);
    }

    @Test
    void anEditedFileUpdatesOnlyWhatChanged() {
        String slug = uniqueSlug("edit");
        String yaml = TenantYaml.salon(slug, randomE164());
        apply(yaml, "");

        Response edited = apply(yaml.replace("durationMinutes: 90", "durationMinutes: 120"), "");

        assertThat(edited.json().path("report").path("services").path("updated").asInt())
                .isEqualTo(1);
        assertThat(edited.json()
                        .path("report")
                        .path("services")
                        .path("unchanged")
                        .asInt())
                .isEqualTo(1);
        assertThat(edited.json()
                        .path("report")
                        .path("branches")
                        .path("unchanged")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void aDryRunReportsButWritesNothing() {
        String slug = uniqueSlug("dry");

        Response dry = apply(TenantYaml.salon(slug, randomE164()), "?dryRun=true");

        assertThat(dry.status()).isEqualTo(200);
        assertThat(dry.json().path("dryRun").asBoolean()).isTrue();
        assertThat(dry.json().path("report").path("company").path("created").asInt())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM companies WHERE slug = ?")
                        .param(slug)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void jsonTenantFilesWorkToo() {
        String slug = uniqueSlug("json");
        Map<String, Object> file = Map.of(
                "company",
                        Map.of(
                                "slug",
                                slug,
                                "name",
                                "Json Salon",
                                "language",
                                "en",
                                "defaultTimeZone",
                                "Europe/London"),
                "branches",
                        List.of(Map.of(
                                "name", "Soho", "timeZone", "Europe/London", "phoneNumbers", List.of(randomE164()))));

        Response response = send("POST", "/admin/api/tenants/apply", file, TOKEN, "application/json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()
                        .path("report")
                        .path("phoneNumbers")
                        .path("created")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void aNumberOfAnotherTenantIs409NamingTheEntryAndNothingIsWritten() {
        String number = randomE164();
        apply(TenantYaml.salon(uniqueSlug("first"), number), "");
        String slug = uniqueSlug("second");

        Response response = apply(TenantYaml.salon(slug, number), "");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.field()).isEqualTo("branches[0].phoneNumbers[0]");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM companies WHERE slug = ?")
                        .param(slug)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anInconsistentFileIs400AndLeavesNoHalfTenant() {
        String slug = uniqueSlug("broken");
        String yaml = TenantYaml.salon(slug, randomE164()).replace("staff: [Anna]", "staff: [Nobody]");

        Response response = apply(yaml, "");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("invalid_tenant_file");
        assertThat(response.json().path("detail").asString()).contains("Nobody");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM companies WHERE slug = ?")
                        .param(slug)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void badFilesAndBadRequestsAreRefusedClearly() {
        String slug = uniqueSlug("bad");
        Response badNumber = apply(TenantYaml.salon(slug, "0301234567"), "");
        Response badDuration =
                apply(TenantYaml.salon(slug, randomE164()).replace("durationMinutes: 30", "durationMinutes: 0"), "");
        Response notYaml = apply("company: [unclosed", "");
        Response unknownKey = apply(TenantYaml.salon(slug, randomE164()).replace("  name: Salon", "  nmae: Salon"), "");
        Response plainText =
                send("POST", "/admin/api/tenants/apply", TenantYaml.salon(slug, randomE164()), TOKEN, "text/plain");

        assertBadRequestAt(badNumber, "branches[0].phoneNumbers[0]");
        assertBadRequestAt(badDuration, "services[0].durationMinutes");
        assertThat(notYaml.status()).isEqualTo(400);
        assertThat(notYaml.error()).isEqualTo("invalid_tenant_file");
        assertThat(unknownKey.status()).isEqualTo(400);
        assertThat(plainText.status()).isEqualTo(415);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM companies WHERE slug = ?")
                        .param(slug)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** Everything the file describes, as stored (secret columns included: an unchanged secret is not re-encrypted). */
    private List<Map<String, Object>> tenantRows(String slug) {
        long id = jdbc.sql("SELECT id FROM companies WHERE slug = ?")
                .param(slug)
                .query(Long.class)
                .single();
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        rows.addAll(jdbc.sql("SELECT * FROM companies WHERE id = ?")
                .param(id)
                .query()
                .listOfRows());
        for (String table : List.of("branches", "phone_numbers", "staff", "services", "service_staff")) {
            rows.addAll(jdbc.sql("SELECT * FROM " + table + " WHERE company_id = ? ORDER BY 1, 2")
                    .param(id)
                    .query()
                    .listOfRows());
        }
        return rows;
    }
}
