package io.slotline.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;

import io.slotline.secrets.SecretCipher;
import io.slotline.tenancy.CompanySecret;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TenantAdminApiTest extends AdminApiTestSupport {

    @Autowired
    SecretCipher cipher;

    // --- companies ---

    @Test
    void companyLifecycleCreateReadPatchPutDeactivate() {
        String slug = uniqueSlug("lifecycle");
        Response created = post(
                "/admin/api/companies",
                Map.of(
                        "slug",
                        slug,
                        "name",
                        "Salon Nord",
                        "language",
                        "en",
                        "defaultTimeZone",
                        "Europe/London",
                        "bookingWindowDays",
                        30,
                        "policies",
                        Map.of(
                                "cancellationDeadlineHours",
                                12,
                                "cancellationFees",
                                List.of(Map.of("minNoticeHours", 0, "feeCents", 1500)))));
        assertThat(created.status()).isEqualTo(201);
        long id = id(created);

        Response read = get("/admin/api/companies/" + id);
        assertThat(read.json().path("slug").asString()).isEqualTo(slug);
        assertThat(read.json().path("language").asString()).isEqualTo("en");
        assertThat(read.json()
                        .path("policies")
                        .path("cancellationDeadlineHours")
                        .asInt())
                .isEqualTo(12);
        assertThat(read.json().path("policies").path("rescheduleDeadlineHours").asInt())
                .isEqualTo(24);
        assertThat(get("/admin/api/companies").json().findValuesAsString("slug"))
                .contains(slug);

        Response patched = patch("/admin/api/companies/" + id, Map.of("name", "Salon Nord GmbH"));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("name").asString()).isEqualTo("Salon Nord GmbH");
        assertThat(patched.json().path("language").asString()).isEqualTo("en");
        assertThat(patched.json().path("bookingWindowDays").asInt()).isEqualTo(30);

        Response replaced = put("/admin/api/companies/" + id, Map.of("slug", slug, "name", "Salon Nord"));
        assertThat(replaced.json().path("language").asString()).isEqualTo("de");
        assertThat(replaced.json().path("bookingWindowDays").asInt()).isEqualTo(60);
        assertThat(replaced.json().path("policies").path("cancellationFees").isEmpty())
                .isTrue();

        Response deactivated = delete("/admin/api/companies/" + id);
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.json().path("active").asBoolean()).isFalse();
        assertThat(get("/admin/api/companies/" + id).json().path("active").asBoolean())
                .isFalse();
    }

    @Test
    void secretsAreStoredEncryptedAndAnsweredOnlyAsHints() {
        String calcomKey = "cal_live_" + uniqueSlug("k");
        String retellKey = "key_" + uniqueSlug("r");
        Response created = post(
                "/admin/api/companies",
                Map.of(
                        "slug",
                        uniqueSlug("secrets"),
                        "name",
                        "Secretive",
                        "calcomApiKey",
                        calcomKey,
                        "retellApiKey",
                        retellKey));
        long id = id(created);

        Response read = get("/admin/api/companies/" + id);
        for (Response response : List.of(created, read)) {
            assertThat(response.body()).doesNotContain(calcomKey).doesNotContain(retellKey);
            assertThat(response.json()
                            .path("secrets")
                            .path("calcomApiKey")
                            .path("set")
                            .asBoolean())
                    .isTrue();
            assertThat(response.json()
                            .path("secrets")
                            .path("calcomApiKey")
                            .path("hint")
                            .asString())
                    .isEqualTo("…" + calcomKey.substring(calcomKey.length() - 4));
            assertThat(response.json()
                            .path("secrets")
                            .path("calcomWebhookSecret")
                            .path("set")
                            .asBoolean())
                    .isFalse();
        }
        Map<String, Object> raw = jdbc.sql("SELECT calcom_api_key_enc, retell_api_key_enc FROM companies WHERE id = ?")
                .param(id)
                .query()
                .singleRow();
        assertThat(raw.values())
                .allSatisfy(value -> assertThat(String.valueOf(value))
                        .doesNotContain(calcomKey)
                        .doesNotContain(retellKey)
                        .doesNotContain("cal_live")
                        .isNotBlank());
        assertThat(cipher.decrypt((String) raw.get("calcom_api_key_enc"))).isEqualTo(calcomKey);

        Response rotated = patch("/admin/api/companies/" + id, Map.of("retellApiKey", "key_rotated_9876"));
        assertThat(rotated.json()
                        .path("secrets")
                        .path("retellApiKey")
                        .path("hint")
                        .asString())
                .isEqualTo("…9876");
        assertThat(rotated.json()
                        .path("secrets")
                        .path("calcomApiKey")
                        .path("set")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aBlankSecretIsRefusedWithoutEchoingIt() {
        Response response = post(
                "/admin/api/companies", Map.of("slug", uniqueSlug("blank"), "name", "Blank", "calcomApiKey", "   "));

        assertBadRequestAt(response, "calcomApiKey");
    }

    @Test
    void aTakenSlugIs409NamingTheField() {
        String slug = uniqueSlug("taken");
        post("/admin/api/companies", Map.of("slug", slug, "name", "First"));

        Response second = post("/admin/api/companies", Map.of("slug", slug, "name", "Second"));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.error()).isEqualTo("conflict");
        assertThat(second.field()).isEqualTo("slug");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM companies WHERE slug = ?")
                        .param(slug)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void languageMustBeGermanOrEnglish() {
        Response french =
                post("/admin/api/companies", Map.of("slug", uniqueSlug("fr"), "name", "Fr", "language", "fr"));
        Response english =
                post("/admin/api/companies", Map.of("slug", uniqueSlug("en"), "name", "En", "language", "EN"));

        assertBadRequestAt(french, "language");
        assertThat(french.json().path("detail").asString()).contains("de or en");
        assertThat(english.status()).isEqualTo(201);
        assertThat(english.json().path("language").asString()).isEqualTo("en");
    }

    @Test
    void timeZonesMustBeIanaRegions() {
        Response offset = post(
                "/admin/api/companies", Map.of("slug", uniqueSlug("tz"), "name", "Tz", "defaultTimeZone", "+01:00"));
        Response unknown = post(
                "/admin/api/companies",
                Map.of("slug", uniqueSlug("tz"), "name", "Tz", "defaultTimeZone", "Europe/Atlantis"));
        long[] tenant = companyWithBranch(uniqueSlug("tz"));
        Response branch = post(
                "/admin/api/companies/" + tenant[0] + "/branches", Map.of("name", "Elsewhere", "timeZone", "CEST"));
        Response fine = post(
                "/admin/api/companies/" + tenant[0] + "/branches",
                Map.of("name", "New York", "timeZone", "America/New_York"));

        assertBadRequestAt(offset, "defaultTimeZone");
        assertBadRequestAt(unknown, "defaultTimeZone");
        assertBadRequestAt(branch, "timeZone");
        assertThat(fine.status()).isEqualTo(201);
        assertThat(fine.json().path("timeZone").asString()).isEqualTo("America/New_York");
    }

    @Test
    void aMissingRequiredFieldIs400NamingIt() {
        Response noName = post("/admin/api/companies", Map.of("slug", uniqueSlug("noname")));
        Response badSlug = post("/admin/api/companies", Map.of("slug", "Not A Slug", "name", "X"));

        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.error()).isEqualTo("missing_value");
        assertThat(noName.field()).isEqualTo("name");
        assertBadRequestAt(badSlug, "slug");
    }

    @Test
    void anUnknownPropertyIs400AndNothingIsWritten() {
        String slug = uniqueSlug("typo");

        Response response = post("/admin/api/companies", Map.of("slug", slug, "name", "Typo", "retelApiKey", "key_x"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo("unknown_field");
        assertThat(response.field()).isEqualTo("retelApiKey");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM companies WHERE slug = ?")
                        .param(slug)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theChangeVerificationPolicyIsSetPerCompanyAndKeptByPatches() {
        String slug = uniqueSlug("verification");
        Response created = post(
                "/admin/api/companies",
                Map.of("slug", slug, "name", "Vorsicht", "policies", Map.of("changeVerification", "callback")));
        long id = id(created);
        Response patched = patch("/admin/api/companies/" + id, Map.of("policies", Map.of("maxReschedules", 1)));
        Response refused =
                patch("/admin/api/companies/" + id, Map.of("policies", Map.of("changeVerification", "trust_me")));
        Response defaulted = post("/admin/api/companies", Map.of("slug", uniqueSlug("verification"), "name", "N"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("policies").path("changeVerification").asString())
                .isEqualTo("callback");
        assertThat(patched.json().path("policies").path("changeVerification").asString())
                .isEqualTo("callback");
        assertBadRequestAt(refused, "policies.changeVerification");
        assertThat(get("/admin/api/companies/" + id)
                        .json()
                        .path("policies")
                        .path("changeVerification")
                        .asString())
                .isEqualTo("callback");
        assertThat(defaulted.json().path("policies").path("changeVerification").asString())
                .isEqualTo("booked_phone");
    }

    @Test
    void wrongTypesAndBrokenJsonAre400() {
        long[] tenant = companyWithBranch(uniqueSlug("types"));

        Response wrongType = post(
                "/admin/api/companies/" + tenant[0] + "/services", Map.of("name", "Cut", "durationMinutes", "thirty"));
        Response nested = patch(
                "/admin/api/companies/" + tenant[0],
                Map.of("policies", Map.of("cancellationFees", List.of(Map.of("feeCents", "lots")))));
        Response broken = post("/admin/api/companies/" + tenant[0] + "/services", "{\"name\": ");
        Response badPath = get("/admin/api/companies/abc");

        assertBadRequestAt(wrongType, "durationMinutes");
        assertThat(wrongType.body()).doesNotContain("thirty");
        assertBadRequestAt(nested, "policies.cancellationFees[0].feeCents");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.error()).isEqualTo("malformed_json");
        assertBadRequestAt(badPath, "companyId");
    }

    @Test
    void unknownIdsAre404() {
        assertThat(get("/admin/api/companies/987654321").status()).isEqualTo(404);
        long[] tenant = companyWithBranch(uniqueSlug("missing"));
        assertThat(get("/admin/api/companies/" + tenant[0] + "/services/987654321")
                        .status())
                .isEqualTo(404);
        assertThat(patch("/admin/api/companies/" + tenant[0] + "/staff/987654321", Map.of("name", "X"))
                        .status())
                .isEqualTo(404);
    }

    /** A failure after the first row is written leaves nothing behind. */
    @Test
    void aCompanyIsCreatedWholeOrNotAtAll() {
        String slug = uniqueSlug("atomic");
        doThrow(new IllegalStateException("simulated failure while storing a secret"))
                .when(directory)
                .setSecret(anyLong(), any(CompanySecret.class), anyString());

        Response response =
                post("/admin/api/companies", Map.of("slug", slug, "name", "Atomic", "calcomApiKey", "cal_atomic_1234"));

        assertThat(response.status()).isEqualTo(500);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM companies WHERE slug = ?")
                        .param(slug)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    // --- branches and numbers ---

    @Test
    void branchCrudAndUniqueNames() {
        long[] tenant = companyWithBranch(uniqueSlug("branches"));
        String base = "/admin/api/companies/" + tenant[0] + "/branches";

        Response created = post(base, Map.of("name", "Altona", "address", "Große Bergstraße 1"));
        Response duplicate = post(base, Map.of("name", "Altona", "timeZone", "Europe/Berlin"));
        long id = id(created);
        Response patched = patch(base + "/" + id, Map.of("address", "Ottenser Hauptstraße 2"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("timeZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.field()).isEqualTo("name");
        assertThat(patched.json().path("name").asString()).isEqualTo("Altona");
        assertThat(patched.json().path("address").asString()).isEqualTo("Ottenser Hauptstraße 2");
        assertThat(get(base).json().size()).isEqualTo(2);
        assertThat(delete(base + "/" + id).json().path("active").asBoolean()).isFalse();
    }

    @Test
    void phoneNumbersMustBeE164() {
        long[] tenant = companyWithBranch(uniqueSlug("e164"));
        String base = "/admin/api/companies/" + tenant[0] + "/phone-numbers";

        for (String bad : List.of("030 1234567", "+0301234567", "4930123456", "+49301234567890123", "")) {
            Response response = post(base, Map.of("e164", bad, "branchId", tenant[1]));
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.field()).as(bad).isEqualTo("e164");
        }
        assertThat(get(base).json().isEmpty()).isTrue();
    }

    @Test
    void aNumberBelongsToOneBranchAcrossAllTenants() {
        String number = randomE164();
        String ownerSlug = uniqueSlug("owner");
        long[] owner = companyWithBranch(ownerSlug);
        long[] other = companyWithBranch(uniqueSlug("other"));
        Response added = post(
                "/admin/api/companies/" + owner[0] + "/phone-numbers", Map.of("e164", number, "branchId", owner[1]));

        Response elsewhere = post(
                "/admin/api/companies/" + other[0] + "/phone-numbers", Map.of("e164", number, "branchId", other[1]));
        Response again = post(
                "/admin/api/companies/" + owner[0] + "/phone-numbers", Map.of("e164", number, "branchId", owner[1]));

        assertThat(added.status()).isEqualTo(201);
        assertThat(elsewhere.status()).isEqualTo(409);
        assertThat(elsewhere.field()).isEqualTo("e164");
        assertThat(elsewhere.json().path("detail").asString()).contains(number).contains(ownerSlug);
        assertThat(again.status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT company_id FROM phone_numbers WHERE e164 = ?")
                        .param(number)
                        .query(Long.class)
                        .list())
                .containsExactly(owner[0]);
    }

    @Test
    void aNumberMovesBetweenBranchesOfItsCompanyButIsNeverRenamed() {
        long[] tenant = companyWithBranch(uniqueSlug("move"));
        String base = "/admin/api/companies/" + tenant[0];
        long second = id(post(base + "/branches", Map.of("name", "Second")));
        long[] stranger = companyWithBranch(uniqueSlug("stranger"));
        String number = randomE164();
        long id = id(post(base + "/phone-numbers", Map.of("e164", number, "branchId", tenant[1])));

        Response moved = patch(base + "/phone-numbers/" + id, Map.of("branchId", second));
        Response foreignBranch = patch(base + "/phone-numbers/" + id, Map.of("branchId", stranger[1]));
        Response renamed = patch(base + "/phone-numbers/" + id, Map.of("e164", randomE164()));
        Response deactivated = delete(base + "/phone-numbers/" + id);

        assertThat(moved.json().path("branchId").asLong()).isEqualTo(second);
        assertBadRequestAt(foreignBranch, "branchId");
        assertBadRequestAt(renamed, "e164");
        assertThat(deactivated.json().path("active").asBoolean()).isFalse();
        assertThat(deactivated.json().path("e164").asString()).isEqualTo(number);
    }

    // --- services, staff and links ---

    @Test
    void serviceDurationsMustBeOneMinuteToOneDay() {
        long[] tenant = companyWithBranch(uniqueSlug("duration"));
        String base = "/admin/api/companies/" + tenant[0] + "/services";

        Response zero = post(base, Map.of("name", "Zero", "durationMinutes", 0));
        Response tooLong = post(base, Map.of("name", "Marathon", "durationMinutes", 1441));
        Response missing = post(base, Map.of("name", "Unknown length"));
        Response shortest = post(base, Map.of("name", "Blink", "durationMinutes", 1));
        Response longest = post(base, Map.of("name", "All day", "durationMinutes", 1440));

        assertThat(List.of(zero, tooLong, missing)).allSatisfy(r -> {
            assertBadRequestAt(r, "durationMinutes");
        });
        assertThat(shortest.status()).isEqualTo(201);
        assertThat(longest.status()).isEqualTo(201);
    }

    @Test
    void pricesMustNotBeNegative() {
        long[] tenant = companyWithBranch(uniqueSlug("price"));
        String base = "/admin/api/companies/" + tenant[0] + "/services";

        Response negative = post(base, Map.of("name", "Refund", "durationMinutes", 30, "priceCents", -1));
        Response free = post(base, Map.of("name", "Consultation", "durationMinutes", 15, "priceCents", 0));
        Response badCurrency = post(base, Map.of("name", "Exotic", "durationMinutes", 15, "currency", "XYZW"));

        assertBadRequestAt(negative, "priceCents");
        assertThat(free.status()).isEqualTo(201);
        assertThat(free.json().path("priceCents").asInt()).isZero();
        assertBadRequestAt(badCurrency, "currency");
    }

    @Test
    void servicesStaffAndWhoPerformsWhat() {
        long[] tenant = companyWithBranch(uniqueSlug("links"));
        String base = "/admin/api/companies/" + tenant[0];
        long anna =
                id(post(base + "/staff", Map.of("name", "Anna", "branchId", tenant[1], "calcomUsername", "anna-x")));
        long ben = id(post(base + "/staff", Map.of("name", "Ben", "branchId", tenant[1])));
        Response duplicateStaff = post(base + "/staff", Map.of("name", "Anna", "branchId", tenant[1]));
        Response service = post(
                base + "/services",
                Map.of(
                        "name",
                        "Herrenhaarschnitt",
                        "durationMinutes",
                        30,
                        "synonyms",
                        List.of("Herrenschnitt", " "),
                        "calcomEventTypeId",
                        1001,
                        "calcomEventTypeSlug",
                        "herrenhaarschnitt",
                        "staffIds",
                        List.of(anna)));
        long serviceId = id(service);
        String staffOfService = base + "/services/" + serviceId + "/staff";

        assertThat(duplicateStaff.status()).isEqualTo(409);
        assertThat(duplicateStaff.field()).isEqualTo("name");
        assertThat(service.status()).isEqualTo(201);
        assertThat(service.json().path("synonyms").size()).isEqualTo(1);
        assertThat(service.json().path("staffIds").get(0).asLong()).isEqualTo(anna);

        Response linked = post(staffOfService, Map.of("staffId", ben));
        Response linkedAgain = post(staffOfService, Map.of("staffId", ben));
        assertThat(linked.status()).isEqualTo(201);
        assertThat(linkedAgain.status()).isEqualTo(200);
        assertThat(get(staffOfService).json().findValuesAsString("name")).containsExactly("Anna", "Ben");

        Response replaced = put(staffOfService, Map.of("staffIds", List.of(ben)));
        assertThat(replaced.json().findValuesAsString("name")).containsExactly("Ben");
        Response unlinked = delete(staffOfService + "/" + ben);
        assertThat(unlinked.json().isEmpty()).isTrue();
        assertThat(delete(staffOfService + "/" + ben).status()).isEqualTo(404);

        Response patched = patch(base + "/services/" + serviceId, Map.of("priceCents", 2800));
        assertThat(patched.json().path("durationMinutes").asInt()).isEqualTo(30);
        assertThat(patched.json().path("calcomEventTypeId").asLong()).isEqualTo(1001);
        assertThat(patched.json().path("priceCents").asInt()).isEqualTo(2800);
        assertThat(delete(base + "/services/" + serviceId).json().path("active").asBoolean())
                .isFalse();
        assertThat(delete(base + "/staff/" + anna).json().path("active").asBoolean())
                .isFalse();
    }

    @Test
    void aServiceInStepsIsSetValidatedFieldByFieldAndKeptByPatches() {
        long[] tenant = companyWithBranch(uniqueSlug("steps"));
        String base = "/admin/api/companies/" + tenant[0];
        long anna =
                id(post(base + "/staff", Map.of("name", "Anna", "branchId", tenant[1], "calcomUsername", "anna-x")));
        long ben = id(post(base + "/staff", Map.of("name", "Ben", "branchId", tenant[1], "calcomUsername", "ben-x")));
        Map<String, Object> colour = Map.of(
                "name",
                "Farbe",
                "calcomEventTypeId",
                1004,
                "durationMinutes",
                45,
                "pauseMinMinutes",
                30,
                "pauseMaxMinutes",
                60,
                "sameStaffNext",
                false,
                "staffEventTypes",
                List.of(Map.of("staffId", anna, "eventTypeId", 1114, "slug", "farbe-x")));
        Map<String, Object> wash = Map.of("name", "Waschen", "calcomEventTypeId", 1005, "durationMinutes", 45);
        Response created = post(
                base + "/services",
                Map.of(
                        "name",
                        "Färben",
                        "durationMinutes",
                        120,
                        "staffIds",
                        List.of(anna),
                        "steps",
                        List.of(colour, wash)));
        long serviceId = id(created);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("steps")).hasSize(2);
        assertThat(created.json().at("/steps/0/pauseMaxMinutes").asInt()).isEqualTo(60);
        assertThat(created.json().at("/steps/0/staffEventTypes/0/eventTypeId").asLong())
                .isEqualTo(1114);
        assertThat(created.json().at("/steps/1/pauseMinMinutes").asInt()).isZero();
        Response patched = patch(base + "/services/" + serviceId, Map.of("priceCents", 6500));
        assertThat(patched.json().path("steps"))
                .as("a PATCH without steps keeps them")
                .hasSize(2);

        java.util.function.BiFunction<String, Object, Response> withStep0 = (key, value) -> {
            Map<String, Object> changed = new java.util.HashMap<>(colour);
            changed.put(key, value);
            return patch(base + "/services/" + serviceId, Map.of("steps", List.of(changed, wash)));
        };
        Response pauseBackwards = withStep0.apply("pauseMaxMinutes", 20);
        Response noEventType = withStep0.apply("calcomEventTypeId", 0);
        Response tooLong = withStep0.apply("durationMinutes", 1441);
        Response notTheirs = withStep0.apply("staffEventTypes", List.of(Map.of("staffId", ben, "eventTypeId", 1124)));
        Response oneStep = patch(base + "/services/" + serviceId, Map.of("steps", List.of(colour)));
        Map<String, Object> pausedLast = new java.util.HashMap<>(wash);
        pausedLast.put("pauseMaxMinutes", 10);
        Response pauseAfterLast = patch(base + "/services/" + serviceId, Map.of("steps", List.of(colour, pausedLast)));
        Response aDay = patch(
                base + "/services/" + serviceId,
                Map.of(
                        "steps",
                        List.of(
                                Map.of(
                                        "name",
                                        "A",
                                        "calcomEventTypeId",
                                        1,
                                        "durationMinutes",
                                        660,
                                        "pauseMaxMinutes",
                                        60),
                                Map.of("name", "B", "calcomEventTypeId", 2, "durationMinutes", 60))));

        assertBadRequestAt(pauseBackwards, "steps[0].pauseMaxMinutes");
        assertBadRequestAt(noEventType, "steps[0].calcomEventTypeId");
        assertThat(tooLong.field()).isEqualTo("steps[0].durationMinutes");
        assertBadRequestAt(notTheirs, "steps[0].staffEventTypes[0].staffId");
        assertBadRequestAt(oneStep, "steps");
        assertBadRequestAt(pauseAfterLast, "steps[1]");
        assertBadRequestAt(aDay, "steps");
        assertThat(get(base + "/services/" + serviceId)
                        .json()
                        .at("/steps/0/pauseMaxMinutes")
                        .asInt())
                .as("nothing refused was written")
                .isEqualTo(60);

        Response oneBlock = patch(base + "/services/" + serviceId, Map.of("steps", List.of()));
        assertThat(oneBlock.status()).isEqualTo(200);
        assertThat(oneBlock.json().path("steps")).isEmpty();
    }

    @Test
    void aStaffMembersOwnEventTypeIsSetByHandAndValidated() {
        long[] tenant = companyWithBranch(uniqueSlug("own-types"));
        String base = "/admin/api/companies/" + tenant[0];
        long anna =
                id(post(base + "/staff", Map.of("name", "Anna", "branchId", tenant[1], "calcomUsername", "anna-x")));
        long ben = id(post(base + "/staff", Map.of("name", "Ben", "branchId", tenant[1], "calcomUsername", "ben-x")));
        long carl = id(post(base + "/staff", Map.of("name", "Carl", "branchId", tenant[1])));
        long serviceId = id(post(
                base + "/services",
                Map.of(
                        "name",
                        "Herrenhaarschnitt",
                        "durationMinutes",
                        30,
                        "calcomEventTypeId",
                        1001,
                        "staffIds",
                        List.of(anna, ben))));
        String annas = base + "/services/" + serviceId + "/staff/" + anna + "/event-type";
        String bens = base + "/services/" + serviceId + "/staff/" + ben + "/event-type";

        Response none = get(annas);
        Response set = put(annas, Map.of("eventTypeId", 1111, "slug", "herrenhaarschnitt-stylist"));
        Response taken = put(bens, Map.of("eventTypeId", 1111));
        Response missing = put(bens, Map.of("slug", "cut"));
        Response negative = put(bens, Map.of("eventTypeId", -5));
        Response badSlug = put(bens, Map.of("eventTypeId", 1121, "slug", "not a slug!"));
        Response notLinked =
                put(base + "/services/" + serviceId + "/staff/" + carl + "/event-type", Map.of("eventTypeId", 1131));
        Response unknownService =
                put(base + "/services/999999/staff/" + anna + "/event-type", Map.of("eventTypeId", 1111));

        assertThat(none.status()).isEqualTo(200);
        assertThat(none.json().path("eventTypeId").asLong(0)).isZero();
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().path("eventTypeId").asLong()).isEqualTo(1111);
        assertThat(get(annas).json().path("slug").asString()).isEqualTo("herrenhaarschnitt-stylist");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.field()).isEqualTo("eventTypeId");
        assertBadRequestAt(missing, "eventTypeId");
        assertThat(negative.status()).isEqualTo(400);
        assertBadRequestAt(badSlug, "slug");
        assertThat(notLinked.status()).isEqualTo(404);
        assertThat(unknownService.status()).isEqualTo(404);
        assertThat(get(bens).json().path("eventTypeId").asLong(0))
                .as("nothing refused was stored")
                .isZero();

        Response cleared = delete(annas);
        assertThat(cleared.json().path("eventTypeId").asLong(0)).isZero();
        assertThat(put(bens, Map.of("eventTypeId", 1111)).status())
                .as("free again")
                .isEqualTo(200);
    }

    @Test
    void staffAndLinksCannotReachIntoAnotherCompany() {
        long[] mine = companyWithBranch(uniqueSlug("mine"));
        long[] theirs = companyWithBranch(uniqueSlug("theirs"));
        long theirStaff =
                id(post("/admin/api/companies/" + theirs[0] + "/staff", Map.of("name", "Carl", "branchId", theirs[1])));

        Response staffInTheirBranch =
                post("/admin/api/companies/" + mine[0] + "/staff", Map.of("name", "Dora", "branchId", theirs[1]));
        Response serviceWithTheirStaff = post(
                "/admin/api/companies/" + mine[0] + "/services",
                Map.of("name", "Cut", "durationMinutes", 30, "staffIds", List.of(theirStaff)));

        assertBadRequestAt(staffInTheirBranch, "branchId");
        assertBadRequestAt(serviceWithTheirStaff, "staffIds");
        assertThat(get("/admin/api/companies/" + mine[0] + "/services").json().isEmpty())
                .isTrue();
    }
}
