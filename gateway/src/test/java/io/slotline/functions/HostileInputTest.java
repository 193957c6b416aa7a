package io.slotline.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.calcom.CalcomWebhookSignature;
import io.slotline.retell.RetellSignature;
import io.slotline.support.RetellClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.node.ObjectNode;

/**
 * The standing bad-input suite: a corpus of hostile and odd requests against every public endpoint (signatures,
 * bodies, lengths, encodings, injections, other tenants' ids, replays, orderings), each answered 2xx or a clean
 * 4xx, never 5xx, with nothing stored or changed and no stack trace logged at ERROR. Property-based fuzzing of the
 * same endpoints is in {@link FuzzedInputTest}; the individual observations are tests of their own below.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(
        properties = {"slotline.admin.token=" + HostileInputTest.ADMIN_TOKEN, "slotline.retell.max-body-bytes=262144"})
class HostileInputTest extends LiveCallTest {

    static final String ADMIN_TOKEN = "hostile-suite-admin-token";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Words of a Java stack trace or type that must never reach a client. */
    private static final List<String> INTERNALS = List.of(
            "java.",
            "javax.",
            "jakarta.",
            "tools.jackson",
            "com.fasterxml",
            "io.slotline",
            "Exception",
            "JsonToken",
            "creator property",
            "\tat ");

    record Raw(int status, String body) {}

    /** One hostile request: what it is, and how to send it. */
    record Attempt(String what, Supplier<Raw> send) {}

    // ---- the corpus

    @Test
    void everyHostileRequestIsAnswered2xxOrACleanClientErrorAndChangesNothing(CapturedOutput output) {
        Call salon = salonCall();
        assertThat(salon.webhook("call_started").status()).isEqualTo(204);
        Map<String, Long> before = stored();
        int logStart = output.getOut().length();

        List<Attempt> corpus = corpus(salon);
        List<String> failures = new ArrayList<>();
        for (Attempt attempt : corpus) {
            Raw answer = attempt.send().get();
            if (answer.status() >= 500) {
                failures.add(attempt.what() + " -> " + answer.status() + " " + cut(answer.body()));
            }
            for (String internal : INTERNALS) {
                if (answer.body().contains(internal)) {
                    failures.add(attempt.what() + " -> answer names '" + internal + "': " + cut(answer.body()));
                }
            }
        }

        assertThat(failures).as("%d hostile requests", corpus.size()).isEmpty();
        assertThat(corpus).hasSizeGreaterThan(100);
        assertThat(stored()).isEqualTo(before);
        String log = output.getOut().substring(logStart);
        assertThat(log.lines().filter(line -> line.contains(" ERROR ")).toList())
                .isEmpty();
        assertThat(log).doesNotContain("\tat ");
    }

    private List<Attempt> corpus(Call salon) {
        List<Attempt> corpus = new ArrayList<>();
        // a closed Sunday: the requests that get through (odd but valid call ids) hold nothing
        String check = functionBody(
                salon,
                "check_availability",
                Map.of("service", "Herrenhaarschnitt", "date", "2026-11-22", "time", "10 Uhr"));
        byte[] checkBytes = utf8(check);

        // signatures
        corpus.add(new Attempt(
                "unsigned function", () -> retell("/retell/functions/check_availability", checkBytes, null)));
        corpus.add(new Attempt(
                "garbage signature", () -> retell("/retell/functions/check_availability", checkBytes, "v=abc,d=xyz")));
        corpus.add(new Attempt(
                "signature of another body",
                () -> retell(
                        "/retell/functions/check_availability",
                        checkBytes,
                        RetellSignature.sign(utf8("{}"), SALON_KEY, CLOCK.millis()))));
        corpus.add(new Attempt(
                "stale signature",
                () -> retell(
                        "/retell/functions/check_availability",
                        checkBytes,
                        RetellSignature.sign(
                                checkBytes,
                                SALON_KEY,
                                CLOCK.millis() - Duration.ofHours(2).toMillis()))));
        corpus.add(new Attempt(
                "other tenant's key",
                () -> retell(
                        "/retell/functions/check_availability",
                        checkBytes,
                        RetellSignature.sign(checkBytes, OTHER_KEY, CLOCK.millis()))));
        corpus.add(new Attempt(
                "huge signature header",
                () -> retell(
                        "/retell/functions/check_availability",
                        checkBytes,
                        "v=" + "9".repeat(20) + ",d=" + "a".repeat(12_000))));

        // bodies, encodings and shapes, correctly signed
        for (String body : List.of(
                "",
                "null",
                "[]",
                "\"text\"",
                "42",
                "{",
                "{\"name\":",
                "{\"name\":null}",
                "{\"name\":[],\"args\":{},\"call\":{}}",
                "{\"name\":\"check_availability\",\"call\":[]}",
                "{\"args\":{},\"call\":{\"call_id\":{}}}",
                "[".repeat(5_000),
                "{\"a\":".repeat(3_000),
                "\u0000\u0001\u0002",
                "{\"name\":\"check_availability\",\"args\":\"\u0000\",\"call\":{\"call_id\":1}}")) {
            for (String path : List.of(
                    "/retell/functions/check_availability",
                    "/retell/functions",
                    "/retell/webhook",
                    "/retell/inbound")) {
                corpus.add(new Attempt("body " + cut(body) + " to " + path, () -> signed(path, utf8(body))));
            }
        }
        byte[] invalidUtf8 = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        corpus.add(new Attempt("invalid UTF-8", () -> signed("/retell/functions", invalidUtf8)));
        corpus.add(new Attempt(
                "UTF-16 body",
                () -> signed("/retell/functions/check_availability", check.getBytes(StandardCharsets.UTF_16))));
        corpus.add(new Attempt(
                "body over the limit, declared",
                () -> signed("/retell/functions/check_availability", new byte[300_000])));

        // names, ids and lengths
        corpus.add(new Attempt(
                "unknown function",
                () -> signed("/retell/functions/drop_tables", utf8(functionBody(salon, "drop_tables", Map.of())))));
        corpus.add(new Attempt(
                "function name of 5000 characters", () -> signed("/retell/functions/" + "x".repeat(5000), checkBytes)));
        corpus.add(new Attempt(
                "encoded newline in the path", () -> signed("/retell/functions/check%0Aavailability", checkBytes)));
        for (String callId : List.of(
                "x".repeat(129),
                "x".repeat(100_000),
                "call\nFORGED 2026 ERROR",
                "call\r\n",
                "\u0000",
                "' OR 1=1 --",
                "../../etc/passwd",
                "😀".repeat(40))) {
            corpus.add(new Attempt(
                    "call_id " + cut(callId),
                    () -> signed("/retell/functions/check_availability", utf8(withCallId(check, callId)))));
            corpus.add(new Attempt(
                    "webhook call_id " + cut(callId),
                    () -> signed("/retell/webhook", utf8(webhookBody(salon, "call_started", callId)))));
        }
        for (Object timestamp : List.of(Long.MAX_VALUE, Long.MIN_VALUE, -1, "yesterday", 1e300)) {
            corpus.add(new Attempt("start_timestamp " + timestamp, () -> {
                ObjectNode body = (ObjectNode)
                        JSON.readTree(webhookBody(salon, "call_started", "call_ts_" + timestamp.hashCode()));
                ((ObjectNode) body.get("call")).set("start_timestamp", JSON.valueToTree(timestamp));
                return signed("/retell/webhook", utf8(JSON.writeValueAsString(body)));
            }));
        }
        corpus.add(new Attempt(
                "unknown webhook event",
                () -> signed("/retell/webhook", utf8(webhookBody(salon, "call_exploded", salon.id)))));
        corpus.add(new Attempt(
                "replayed call_started",
                () -> signed("/retell/webhook", utf8(webhookBody(salon, "call_started", salon.id)))));
        corpus.add(
                new Attempt("args-only without a number", () -> signed("/retell/functions/list_services", utf8("{}"))));
        corpus.add(new Attempt(
                "args-only with a huge number header",
                () -> signedWith(
                        "/retell/functions/list_services",
                        utf8("{}"),
                        Map.of("X-Slotline-Dialled-Number", "+49" + "1".repeat(8000)))));
        corpus.add(new Attempt(
                "args-only with a bad call id header",
                () -> signedWith(
                        "/retell/functions/list_services",
                        utf8("{}"),
                        Map.of("X-Slotline-Dialled-Number", SALON_NUMBER, "X-Slotline-Call-Id", "y".repeat(500)))));
        corpus.add(
                new Attempt(
                        "inbound to an unknown number",
                        () -> signed(
                                "/retell/inbound",
                                utf8(
                                        "{\"event\":\"call_inbound\",\"call_inbound\":{\"from_number\":\"x\",\"to_number\":\"+1\"}}"))));

        // arguments: types, lengths, injections (every function, mutating ones from a withheld number)
        List<Object> values = List.of(
                List.of(1, 2),
                Map.of("a", "b"),
                1e308,
                -1,
                Long.MAX_VALUE,
                true,
                "x".repeat(2_001),
                "x".repeat(200_000),
                "'; DROP TABLE appointments; --",
                "<script>alert(1)</script>",
                "${jndi:ldap://x/a}",
                "\u202Eevil",
                "\u0000\u0007",
                "Dienstag\n2026 ERROR forged",
                "",
                "99999-12-31",
                "25:99",
                "-1 days",
                "appointment_id",
                "null");
        for (String function : List.of(
                "check_availability",
                "get_alternatives",
                "find_next_available",
                "book_appointment",
                "cancel_appointment",
                "reschedule_appointment",
                "get_appointments",
                "check_customer",
                "list_services",
                "get_current_context")) {
            boolean mutating = function.contains("cancel") || function.contains("reschedule");
            for (String field : fields(function)) {
                for (Object value : values) {
                    corpus.add(new Attempt(function + "." + field + "=" + cut(String.valueOf(value)), () -> {
                        // a call of its own: nothing an earlier request checked is remembered
                        Call caller = mutating ? new Call("anonymous", SALON_NUMBER, SALON_KEY) : salonCall();
                        Map<String, Object> args = new LinkedHashMap<>(baseArgs(function, field));
                        args.put(field, value);
                        return signed("/retell/functions/" + function, utf8(functionBody(caller, function, args)));
                    }));
                }
            }
        }

        // Cal.com webhooks
        byte[] sane = creation("hostile-" + System.nanoTime(), CLOCK.instant().plus(Duration.ofDays(3)));
        corpus.add(new Attempt("calcom unsigned", () -> calcom("demo-salon", sane, null)));
        corpus.add(new Attempt(
                "calcom wrong secret",
                () -> calcom("demo-salon", sane, CalcomWebhookSignature.sign(sane, "whsec_wrong"))));
        corpus.add(new Attempt(
                "calcom other company's secret",
                () -> calcom("other-cuts", sane, CalcomWebhookSignature.sign(sane, "whsec_demo"))));
        corpus.add(new Attempt("calcom unknown company", () -> calcom("nobody", sane, "sig")));
        corpus.add(new Attempt("calcom no company", () -> raw("POST", "/calcom/webhook", sane, Map.of())));
        corpus.add(new Attempt("calcom company of 10000 chars", () -> calcom("c".repeat(10_000), sane, "sig")));
        corpus.add(new Attempt("calcom 2 MB unsigned", () -> calcom("demo-salon", new byte[2_000_000], null)));
        for (String payload : List.of(
                "",
                "[]",
                "null",
                "{}",
                "{\"triggerEvent\":42}",
                "{\"triggerEvent\":\"DROP_TABLES\",\"payload\":{}}",
                "{\"triggerEvent\":\"BOOKING_CREATED\",\"payload\":[]}",
                creationJson("y".repeat(500), CLOCK.instant().plus(Duration.ofDays(3))),
                creationJson("uid with spaces\n", CLOCK.instant().plus(Duration.ofDays(3))),
                creationJson("year-99999", null)
                        .replace("\"startTime\":null", "\"startTime\":\"+99999-01-01T10:00:00Z\""),
                creationJson("year-1900", Instant.parse("1900-01-01T10:00:00Z")),
                creationJson("far-future", CLOCK.instant().plus(Duration.ofDays(3650))),
                creationJson("not-a-date", null).replace("\"startTime\":null", "\"startTime\":\"tomorrow\""),
                creationJson("long-name", CLOCK.instant().plus(Duration.ofDays(3)))
                        .replace("Web Kunde", "n".repeat(5000)),
                creationJson("ends-before", CLOCK.instant().plus(Duration.ofDays(3)))
                        .replaceFirst("\"endTime\":\"[^\"]+\"", "\"endTime\":\"2000-01-01T00:00:00Z\""))) {
            byte[] bytes = utf8(payload);
            corpus.add(new Attempt(
                    "calcom signed " + cut(payload),
                    () -> calcom("demo-salon", bytes, CalcomWebhookSignature.sign(bytes, "whsec_demo"))));
        }

        // the admin API
        corpus.add(new Attempt("admin without token", () -> raw("GET", "/admin/api/companies", null, Map.of())));
        corpus.add(new Attempt(
                "admin wrong token",
                () -> raw("GET", "/admin/api/companies", null, Map.of("Authorization", "Bearer nope"))));
        for (String path : List.of(
                "/admin/api/companies/abc",
                "/admin/api/companies/99999999999999999999",
                "/admin/api/companies/-1",
                "/admin/api/calls?size=100000",
                "/admin/api/calls?page=-5",
                "/admin/api/calls?from=yesterday",
                "/admin/api/calls/%00",
                "/admin/api/appointments?phone=" + "9".repeat(5000))) {
            corpus.add(new Attempt("admin GET " + cut(path), () -> admin("GET", path, null, "application/json")));
        }
        for (String body : List.of(
                "",
                "[]",
                "{",
                "{\"slug\":[1]}",
                "{\"slug\":\"x\",\"name\":{}}",
                "{\"policies\":{\"maxReschedules\":\"many\"}}",
                "{\"policies\":{\"changeVerification\":\"trust_me\"}}",
                "{\"unknown\":1}",
                "{\"slug\":\"" + "s".repeat(5000) + "\",\"name\":\"n\"}")) {
            corpus.add(new Attempt(
                    "admin POST company " + cut(body),
                    () -> admin("POST", "/admin/api/companies", utf8(body), "application/json")));
        }
        for (String file : List.of(
                "",
                "- a\n- b",
                "company: 1",
                "company:\n  slug: [1]",
                "{{{{",
                "!!java.lang.Runtime {}",
                "company:\n  slug: x\n  name: y\n  language: klingon\n  defaultTimeZone: Mars/Olympus",
                "branches: {}")) {
            corpus.add(new Attempt(
                    "tenant file " + cut(file),
                    () -> admin("POST", "/admin/api/tenants/apply?dryRun=true", utf8(file), "application/yaml")));
        }
        corpus.add(new Attempt(
                "admin body over 5 MB",
                () -> admin(
                        "POST",
                        "/admin/api/tenants/apply?dryRun=true",
                        new byte[6 * 1024 * 1024],
                        "application/yaml")));

        // everything else
        corpus.add(new Attempt("GET /error", () -> raw("GET", "/error", null, Map.of())));
        corpus.add(new Attempt("POST /error", () -> raw("POST", "/error", utf8("{}"), Map.of())));
        corpus.add(new Attempt("GET /actuator/metrics", () -> raw("GET", "/actuator/metrics", null, Map.of())));
        corpus.add(new Attempt("GET /actuator/env", () -> raw("GET", "/actuator/env", null, Map.of())));
        corpus.add(new Attempt("GET /actuator", () -> raw("GET", "/actuator", null, Map.of())));
        corpus.add(new Attempt("unknown path with a body", () -> raw("POST", "/nowhere", new byte[100_000], Map.of())));
        corpus.add(new Attempt("path traversal", () -> raw("GET", "/retell/..;/admin/api/companies", null, Map.of())));
        corpus.add(new Attempt(
                "GET on a POST route", () -> raw("GET", "/retell/functions/check_availability", null, Map.of())));
        corpus.add(new Attempt("DELETE on the webhook", () -> raw("DELETE", "/calcom/webhook", null, Map.of())));
        corpus.add(new Attempt(
                "XML to the webhook",
                () -> raw(
                        "POST",
                        "/calcom/webhook?company=demo-salon",
                        utf8("<a/>"),
                        Map.of("Content-Type", "application/xml"))));
        return corpus;
    }

    // ---- the observations, one by one

    @Test
    void aCallIdLongerThanItsColumnIsAClearClientError() {
        Call salon = salonCall();
        String body = withCallId(functionBody(salon, "list_services", Map.of()), "x".repeat(129));

        Raw function = signed("/retell/functions/list_services", utf8(body));
        Raw webhook = signed("/retell/webhook", utf8(webhookBody(salon, "call_started", "x".repeat(129))));

        assertThat(function.status()).isEqualTo(400);
        assertThat(JSON.readTree(function.body()).path("error").asString()).isEqualTo("invalid_call_id");
        assertThat(JSON.readTree(function.body()).path("message").asString()).startsWith("call.call_id must be");
        assertThat(webhook.status()).isEqualTo(400);
    }

    @Test
    void aCallIdStoredForAnotherCompanyIsAnsweredLikeAnUnknownOne() {
        Call salon = salonCall();
        assertThat(salon.function("list_services", Map.of()).status()).isEqualTo(200);
        Call other = otherCutsCall();
        ObjectNode body = (ObjectNode) JSON.readTree(functionBody(other, "list_services", Map.of()));
        ((ObjectNode) body.get("call")).put("call_id", salon.id);

        Raw reused = signedBy("/retell/functions/list_services", utf8(JSON.writeValueAsString(body)), OTHER_KEY);
        Reply fresh = other.function("list_services", Map.of());

        assertThat(reused.status()).isEqualTo(200);
        assertThat(JSON.readTree(reused.body())).isEqualTo(JSON.readTree(fresh.body()));
        assertThat(reused.body()).doesNotContain("another company").doesNotContain(salon.id);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM calls WHERE retell_call_id = :id")
                        .param("id", salon.id)
                        .query(Long.class)
                        .single())
                .isEqualTo(2L);
    }

    @Test
    void aDirectRequestForTheErrorPageIsNotFound() {
        assertThat(raw("GET", "/error", null, Map.of()).status()).isEqualTo(404);
    }

    @Test
    void anOversizedUnsignedCalcomWebhookIsRefusedBeforeItIsRead() {
        // the headers announce 60 MB, and not one byte of it is sent: the answer comes anyway
        io.slotline.support.DeclaredBody.Answer answer = io.slotline.support.DeclaredBody.post(
                port,
                "/calcom/webhook?company=demo-salon",
                Map.of("Content-Type", "application/json"),
                62_914_560,
                new byte[0]);

        assertThat(answer.status()).isEqualTo(413);
    }

    @Test
    void anOversizedAdminBodyIsRefusedWithoutWork() {
        Raw answer = admin("POST", "/admin/api/tenants/apply", new byte[6 * 1024 * 1024], "application/yaml");

        assertThat(answer.status()).isEqualTo(413);
    }

    @Test
    void aNewlineInACallIdCannotForgeALogLine(CapturedOutput output) {
        Call salon = salonCall();
        String forged = "x\n2026-11-16T08:00:00.000Z ERROR 1 --- [main] io.slotline.Forged : admin logged in";
        int logStart = output.getOut().length();

        signed(
                "/retell/functions/list_services",
                utf8(withCallId(functionBody(salon, "list_services", Map.of()), forged)));
        signed("/retell/webhook", utf8(webhookBody(salon, "call_started", forged)));

        assertThat(output.getOut().substring(logStart).lines())
                .noneMatch(line -> line.startsWith("2026-11-16T08:00:00.000Z ERROR 1"));
    }

    @Test
    void aSignedWebhookForTheYear99999IsRefusedAndNothingIsStored() {
        long before =
                jdbc.sql("SELECT COUNT(*) FROM appointments").query(Long.class).single();
        byte[] body = utf8(creationJson("y99999-" + System.nanoTime(), null)
                .replace("\"startTime\":null", "\"startTime\":\"+99999-01-01T10:00:00Z\""));

        Raw answer = calcom("demo-salon", body, CalcomWebhookSignature.sign(body, "whsec_demo"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).path("field").asString()).isEqualTo("payload.startTime");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appointments")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM calcom_webhook_events")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aWebhookUidLongerThanItsColumnIsAClearClientError() {
        byte[] body = utf8(creationJson("u".repeat(129), CLOCK.instant().plus(Duration.ofDays(2))));

        Raw answer = calcom("demo-salon", body, CalcomWebhookSignature.sign(body, "whsec_demo"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).path("field").asString()).isEqualTo("payload.uid");
    }

    @Test
    void wrongArgumentTypesAreExplainedByFieldNotByJavaType() {
        Call salon = salonCall();

        Reply number = salon.function("cancel_appointment", Map.of("appointment_id", "abc"));
        Reply array =
                salon.function("check_availability", Map.of("service", List.of("a"), "date", "morgen", "time", "10"));

        assertThat(number.status()).isEqualTo(200);
        assertThat(number.reason()).isEqualTo("invalid_argument");
        assertThat(number.json().path("field").asString()).isEqualTo("appointment_id");
        assertThat(number.message()).startsWith("Die Angabe appointment_id muss eine ganze Zahl");
        assertThat(array.json().path("field").asString()).isEqualTo("service");
        for (Reply answer : List.of(number, array)) {
            assertThat(answer.body())
                    .doesNotContain("java.")
                    .doesNotContain("JsonToken")
                    .doesNotContain("Long");
        }
    }

    @Test
    void aTenantFileThatIsNotOneIsExplainedWithoutJavaTypes() {
        Raw noCompany = admin("POST", "/admin/api/tenants/apply?dryRun=true", utf8("branches: []"), "application/yaml");
        Raw wrongType = admin(
                "POST",
                "/admin/api/tenants/apply?dryRun=true",
                utf8("company:\n  slug: x\n  name: y\n  bookingWindowDays: many\n"),
                "application/yaml");

        assertThat(noCompany.status()).isEqualTo(400);
        assertThat(JSON.readTree(noCompany.body()).path("detail").asString())
                .isEqualTo("invalid tenant file: tenant file needs a 'company' section");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(JSON.readTree(wrongType.body()).path("detail").asString())
                .isEqualTo("invalid tenant file: company.bookingWindowDays must be a whole number");
    }

    @Test
    void aServiceNameOf200000CharactersIsNeverSpokenBack() {
        Call salon = salonCall();

        Reply huge = salon.function(
                "check_availability",
                Map.of("service", "Dauerwelle ".repeat(18_182), "date", "morgen", "time", "10 Uhr"));
        Reply longButSpeakable = salon.function(
                "check_availability", Map.of("service", "Dauerwelle ".repeat(30), "date", "morgen", "time", "10 Uhr"));

        assertThat(huge.status()).isEqualTo(200);
        assertThat(huge.reason()).isEqualTo("invalid_argument");
        assertThat(huge.json().path("field").asString()).isEqualTo("service");
        assertThat(huge.message()).contains("höchstens 2000 Zeichen").doesNotContain("Dauerwelle");
        assertThat(huge.body()).hasSizeLessThan(1000);
        assertThat(longButSpeakable.reason()).isEqualTo("unknown_service");
        assertThat(longButSpeakable.message())
                .startsWith("Das Gewünschte finde ich leider nicht in unserem Angebot.")
                .hasSizeLessThan(300);
    }

    @Test
    void anUnknownDialledNumberIsSaidToBeUnknownNotTheCallers() {
        Reply answer = new Call(randomGermanMobile(), "+4940999999", SALON_KEY).function("list_services", Map.of());

        assertThat(answer.reason()).isEqualTo("unknown_number");
        assertThat(answer.message())
                .startsWith("Diese Rufnummer ist bei uns keinem Betrieb zugeordnet")
                .doesNotContain("Ihre Nummer habe ich noch nicht");
    }

    // ---- what counts as stored

    /**
     * Rows a hostile request must never add or change. Calls, the function log and the idempotency records (an
     * answer kept for Retell's retries) record what was asked, not what it changed.
     */
    static final List<String> GUARDED_TABLES = List.of(
            "appointments",
            "customers",
            "callback_requests",
            "slot_holds",
            "calcom_webhook_events",
            "companies",
            "branches",
            "phone_numbers",
            "services",
            "staff");

    private Map<String, Long> stored() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : GUARDED_TABLES) {
            counts.put(
                    table,
                    jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
        }
        counts.put(
                "changed rows",
                jdbc.sql("SELECT COUNT(*) FROM appointments WHERE status <> 'booked'")
                        .query(Long.class)
                        .single());
        counts.put(
                "simulator bookings",
                (long) simBookings("cal_demo").size() + simBookings("cal_other").size());
        return counts;
    }

    // ---- requests

    static List<String> fields(String function) {
        return switch (function) {
            case "check_availability" -> List.of("service", "date", "time", "staff");
            case "get_alternatives" -> List.of("service", "date", "time", "count", "preference");
            case "find_next_available" -> List.of("service", "after", "staff", "max_days");
            case "book_appointment" ->
                List.of("service", "date", "time", "customer_name", "customer_phone", "customer_email", "notes");
            case "cancel_appointment" ->
                List.of("date", "time", "appointment_id", "customer_name", "booked_phone", "reason", "confirm_fee");
            case "reschedule_appointment" ->
                List.of("appointment_id", "new_date", "new_time", "customer_name", "booked_phone", "confirm_fee");
            default -> List.of("unexpected");
        };
    }

    /**
     * Arguments around the one hostile value, parsed like real ones but unable to act: a Sunday, when the salon is
     * closed (nothing is held), a service the salon does not offer (nothing is booked), a withheld number (nothing
     * is cancelled or moved).
     */
    static Map<String, Object> baseArgs(String function, String hostileField) {
        boolean dayOrTime = hostileField.equals("date") || hostileField.equals("time");
        return switch (function) {
            // a hostile day or time may still read as a day ("Dienstag\n..."): then the service is one we lack
            case "check_availability" ->
                Map.of(
                        "service",
                        dayOrTime ? "Nagelstudio" : "Herrenhaarschnitt",
                        "date",
                        "2026-11-22",
                        "time",
                        "10 Uhr");
            case "get_alternatives" -> Map.of("service", "Herrenhaarschnitt", "date", "2026-11-22", "time", "10 Uhr");
            case "find_next_available" -> Map.of("service", "Herrenhaarschnitt");
            case "book_appointment" -> booking("Nagelstudio", "2026-11-22", "10 Uhr", "Hostile Tester");
            case "cancel_appointment" -> Map.of("customer_name", "Hostile Tester", "confirm_fee", true);
            case "reschedule_appointment" ->
                Map.of(
                        "customer_name",
                        "Hostile Tester",
                        "new_date",
                        "2026-11-22",
                        "new_time",
                        "11 Uhr",
                        "confirm_fee",
                        true);
            default -> Map.of();
        };
    }

    private static String functionBody(Call call, String name, Map<String, ?> args) {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name);
        body.set("args", JSON.valueToTree(args));
        body.set("call", call.callObject("tc_" + System.nanoTime(), name));
        return JSON.writeValueAsString(body);
    }

    private static String webhookBody(Call call, String event, String callId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("event", event);
        ObjectNode callObject = call.callObject(null, "");
        callObject.put("call_id", callId);
        body.set("call", callObject);
        return JSON.writeValueAsString(body);
    }

    private static String withCallId(String functionBody, String callId) {
        ObjectNode body = (ObjectNode) JSON.readTree(functionBody);
        ((ObjectNode) body.get("call")).put("call_id", callId);
        return JSON.writeValueAsString(body);
    }

    private static byte[] creation(String uid, Instant start) {
        return utf8(creationJson(uid, start));
    }

    static String creationJson(String uid, @Nullable Instant start) {
        ObjectNode root = JSON.createObjectNode();
        root.put("triggerEvent", "BOOKING_CREATED");
        root.put("createdAt", CLOCK.instant().toString());
        ObjectNode payload = root.putObject("payload");
        payload.put("uid", uid);
        payload.put("eventTypeId", 1001);
        payload.put("startTime", start == null ? null : start.toString());
        payload.put(
                "endTime",
                start == null ? "2026-11-20T10:30:00Z" : start.plusSeconds(1800).toString());
        payload.put("status", "ACCEPTED");
        payload.putObject("organizer").put("username", "anna-demo").put("timeZone", "Europe/Berlin");
        payload.putArray("attendees")
                .addObject()
                .put("name", "Web Kunde")
                .put("email", "web@example.com")
                .put("phoneNumber", "+4917611112222");
        return JSON.writeValueAsString(root);
    }

    private Raw signed(String path, byte[] body) {
        return signedBy(path, body, SALON_KEY);
    }

    private Raw signedBy(String path, byte[] body, String key) {
        return retell(path, body, retell(port).signature(body, key));
    }

    private Raw signedWith(String path, byte[] body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(RetellClient.SIGNATURE, retell(port).signature(body, SALON_KEY));
        return raw("POST", path, body, all);
    }

    private Raw retell(String path, byte[] body, @Nullable String signature) {
        return raw("POST", path, body, signature == null ? Map.of() : Map.of("X-Retell-Signature", signature));
    }

    private Raw calcom(String company, byte[] body, @Nullable String signature) {
        String path = "/calcom/webhook?company=" + java.net.URLEncoder.encode(company, StandardCharsets.UTF_8);
        return raw("POST", path, body, signature == null ? Map.of() : Map.of(CalcomWebhookSignature.HEADER, signature));
    }

    private Raw admin(String method, String path, byte @Nullable [] body, String contentType) {
        return raw(method, path, body, Map.of("Authorization", "Bearer " + ADMIN_TOKEN, "Content-Type", contentType));
    }

    private Raw raw(String method, String path, byte @Nullable [] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (!headers.containsKey("Content-Type") && body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static Raw send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Raw(response.statusCode(), response.body());
        } catch (IOException e) {
            // the server closed the connection on an oversized body before reading it: that is a refusal
            return new Raw(413, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String cut(String text) {
        String single = text.replaceAll("[\\r\\n\\x00-\\x1f]", "?");
        return single.length() > 60 ? single.substring(0, 60) + "..." : single;
    }
}
