package io.slotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.appointments.AppointmentSource;
import io.slotline.appointments.AppointmentStatus;
import io.slotline.appointments.Appointments;
import io.slotline.appointments.NewAppointment;
import io.slotline.calls.Call;
import io.slotline.calls.CallFacts;
import io.slotline.calls.CallbackRequests;
import io.slotline.calls.Calls;
import io.slotline.calls.FunctionCallLog;
import io.slotline.calls.NewCallbackRequest;
import io.slotline.calls.NewFunctionCall;
import io.slotline.customers.Customer;
import io.slotline.customers.Customers;
import io.slotline.support.TestTenants;
import io.slotline.tenancy.ImportReport;
import io.slotline.tenancy.TenantFile;
import io.slotline.tenancy.TenantImporter;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The console over HTTP as a browser without JavaScript uses it: sign-in with CSRF, throttling, and above all that a
 * company account sees its own company only, on every page, filter, link, export and action (and operators all).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"slotline.admin.token=console-test-token", "slotline.console.live-interval=300ms"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleWebTest {

    private static final String PASSWORD_A = "password-a-123";
    private static final String PASSWORD_B = "password-b-123";
    private static final String OPERATOR_PASSWORD = "operator-pass-123";

    @LocalServerPort
    int port;

    @Autowired
    TenantImporter importer;

    @Autowired
    Calls calls;

    @Autowired
    FunctionCallLog functionCalls;

    @Autowired
    Customers customers;

    @Autowired
    Appointments appointments;

    @Autowired
    CallbackRequests callbacks;

    @Autowired
    ConsoleAccountService accounts;

    @Autowired
    JdbcClient jdbc;

    final String run = UUID.randomUUID().toString().substring(0, 6);
    Tenant a;
    Tenant b;
    String operator;

    /** One company's rows, each carrying a marker no other company's rows contain. */
    record Tenant(
            long companyId,
            String user,
            String marker,
            String phone,
            long callId,
            long customerId,
            long callbackId,
            long appointmentId) {}

    @BeforeAll
    void twoCompaniesWithActivity() {
        a = tenant("cons-a-" + run, "owner-a-" + run, PASSWORD_A, "Annika Aaberg" + run);
        b = tenant("cons-b-" + run, "owner-b-" + run, PASSWORD_B, "Bertram Bbaum" + run);
        operator = "op-" + run;
        accounts.create(new ConsoleAccountService.AccountSpec(
                operator, OPERATOR_PASSWORD, null, AccountRole.OPERATOR, null, null, true));
    }

    private Tenant tenant(String slug, String user, String password, String marker) {
        String number = TestTenants.randomE164();
        String yaml = """
                company: {slug: %s, name: "Company %s", language: de, defaultTimeZone: Europe/Berlin}
                branches:
                  - {name: Mitte, timeZone: Europe/Berlin, phoneNumbers: ["%s"]}
                services:
                  - {name: Haarschnitt, durationMinutes: 30}
                consoleAccounts:
                  - {username: %s, password: %s}
                """.formatted(slug, slug, number, user, password);
        ImportReport report =
                importer.apply(TenantFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
        assertThat(report.consoleAccounts().created()).isEqualTo(1);
        long companyId = report.companyId();
        long branchId = jdbc.sql("SELECT id FROM branches WHERE company_id = :c")
                .param("c", companyId)
                .query(Long.class)
                .single();
        long serviceId = jdbc.sql("SELECT id FROM services WHERE company_id = :c")
                .param("c", companyId)
                .query(Long.class)
                .single();
        String phone = TestTenants.randomE164();
        Customer customer = customers.upsertByPhone(companyId, phone, marker, null);
        Instant now = Instant.now();
        Call call = calls.ensure(
                new CallFacts(
                        "call_" + slug, companyId, branchId, "agent", phone, number, "inbound", now.minusSeconds(30)),
                customer.id());
        functionCalls.record(new NewFunctionCall(
                companyId,
                call.retellCallId(),
                "check_availability",
                "tc1",
                "{\"service\":\"Haarschnitt\",\"customer_phone\":\"+49***12\"}",
                true,
                "ok",
                "Morgen um 10 Uhr ist frei.",
                42,
                1));
        functionCalls.record(new NewFunctionCall(
                companyId,
                call.retellCallId(),
                "book_appointment",
                "tc2",
                "{}",
                false,
                "calcom_unavailable",
                "Der Kalender antwortet gerade nicht.",
                2500,
                2));
        long appointmentId = appointments
                .insert(new NewAppointment(
                        companyId,
                        branchId,
                        serviceId,
                        null,
                        customer.id(),
                        call.id(),
                        now.plus(Duration.ofDays(1)),
                        now.plus(Duration.ofDays(1)).plusSeconds(1800),
                        "uid-" + slug,
                        AppointmentStatus.BOOKED,
                        AppointmentSource.PHONE,
                        null,
                        null))
                .appointment()
                .id();
        long callbackId = callbacks
                .create(new NewCallbackRequest(
                        companyId,
                        branchId,
                        call.id(),
                        customer.id(),
                        marker,
                        phone,
                        "Rückruf wegen " + marker,
                        "nachmittags"))
                .id();
        return new Tenant(companyId, user, marker, phone, call.id(), customer.id(), callbackId, appointmentId);
    }

    ConsoleClient client() {
        return new ConsoleClient(port);
    }

    // ---- sign-in

    @Test
    void aSignedOutRequestGoesToTheSignInPage() {
        ConsoleClient browser = client();
        for (String path : List.of(
                "/console",
                "/console/calls",
                "/console/calls/" + a.callId(),
                "/console/export/calls.csv",
                "/console/system",
                "/console/live")) {
            ConsoleClient.Page page = browser.get(path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.location()).as(path).endsWith("/console/login");
        }
        ConsoleClient.Page login = browser.get("/console/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"username\"", "name=\"password\"", "name=\"_csrf\"");
    }

    @Test
    void signingInNeedsTheCsrfTokenAndTheRightPassword() {
        ConsoleClient browser = client();
        browser.get("/console/login");
        ConsoleClient.Page withoutToken =
                browser.postRaw("/console/login", Map.of("username", a.user(), "password", PASSWORD_A));
        ConsoleClient.Page wrong = browser.signIn(a.user(), "wrong-password-1");
        ConsoleClient.Page right = browser.signIn(a.user().toUpperCase(), PASSWORD_A);

        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(wrong.location()).endsWith("/console/login?error=credentials");
        assertThat(right.status()).isEqualTo(302);
        assertThat(right.location()).endsWith("/console");
        assertThat(right.header("Set-Cookie")).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        ConsoleClient.Page today = browser.get("/console");
        assertThat(today.status()).isEqualTo(200);
        assertThat(today.body()).contains("Calls now", a.marker());
        assertThat(jdbc.sql("SELECT password_hash FROM console_accounts WHERE username = :u")
                        .param("u", a.user())
                        .query(String.class)
                        .single())
                .startsWith("{bcrypt}$2")
                .doesNotContain(PASSWORD_A);
    }

    @Test
    void repeatedFailedSignInsAreRefusedForAWhileEvenWithTheRightPassword() {
        String user = "slow-" + run;
        accounts.create(new ConsoleAccountService.AccountSpec(
                user, "right-password-9", null, AccountRole.COMPANY, a.companyId(), null, true));
        ConsoleClient browser = client();
        for (int i = 0; i < 5; i++) {
            assertThat(browser.signIn(user, "guess-" + i + "-xxxx").location()).endsWith("error=credentials");
        }
        ConsoleClient.Page blocked = browser.signIn(user, "right-password-9");

        assertThat(blocked.location()).contains("error=throttled&wait=");
        assertThat(browser.get(blocked.location().substring(blocked.location().indexOf("/console")))
                        .body())
                .contains("Too many failed sign-ins");
        assertThat(client().signedIn(a.user(), PASSWORD_A).get("/console").status())
                .as("other usernames are not blocked")
                .isEqualTo(200);
    }

    @Test
    void signingOutEndsTheSession() {
        ConsoleClient browser = client().signedIn(a.user(), PASSWORD_A);
        ConsoleClient.Page out = browser.postForm("/console", "/console/logout", Map.of());

        assertThat(out.location()).endsWith("/console/login?signedOut");
        assertThat(browser.get("/console").location()).contains("/console/login");
    }

    @Test
    void aDeactivatedAccountsSessionEndsAtItsNextRequest() {
        String user = "leaver-" + run;
        ConsoleAccount account = accounts.create(new ConsoleAccountService.AccountSpec(
                user, "leaver-password", null, AccountRole.COMPANY, a.companyId(), null, true));
        ConsoleClient browser = client().signedIn(user, "leaver-password");
        assertThat(browser.get("/console").status()).isEqualTo(200);

        accounts.change(account.id(), null, null, null, false);

        assertThat(browser.get("/console").location()).contains("/console/login");
        assertThat(browser.signIn(user, "leaver-password").location()).endsWith("error=credentials");
    }

    // ---- tenant isolation

    static final List<String> PAGES = List.of(
            "/console",
            "/console/calls",
            "/console/calls?outcome=calcom_trouble",
            "/console/appointments",
            "/console/appointments?when=past",
            "/console/callbacks",
            "/console/callbacks?status=done",
            "/console/customers",
            "/console/setup",
            "/console/export/calls.csv",
            "/console/export/appointments.csv",
            "/console/export/callbacks.csv",
            "/console/export/customers.csv");

    @Test
    void aCompanyAccountSeesItsOwnCompanyOnEveryPageAndExportAndNothingOfAnother() {
        ConsoleClient browser = client().signedIn(a.user(), PASSWORD_A);
        for (String path : PAGES) {
            ConsoleClient.Page page = browser.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body())
                    .as(path)
                    .doesNotContain(b.marker())
                    .doesNotContain(b.phone())
                    .doesNotContain("Company cons-b-" + run);
        }
        for (String path : List.of(
                "/console",
                "/console/calls",
                "/console/appointments",
                "/console/callbacks",
                "/console/customers",
                "/console/export/calls.csv",
                "/console/export/customers.csv")) {
            assertThat(browser.get(path).body()).as(path).contains(a.marker());
        }
        assertThat(browser.get("/console/customers/" + a.customerId()).body()).contains(a.marker());
        assertThat(browser.get("/console/calls/" + a.callId()).body()).contains(a.marker());
        assertThat(liveEvent(browser, "/console/live")).contains(a.marker()).doesNotContain(b.marker());
    }

    @Test
    void aCompanyAccountGets404Or403ForAnythingOfAnotherCompany() {
        ConsoleClient browser = client().signedIn(a.user(), PASSWORD_A);
        String other = "company=" + b.companyId();
        for (String path : List.of(
                "/console/calls/" + b.callId(),
                "/console/customers/" + b.customerId(),
                "/console/calls/" + b.callId() + "?" + other,
                "/console/setup?" + other,
                "/console/live?" + other)) {
            assertThat(browser.get(path).status()).as(path).isEqualTo(404);
        }
        for (String path : PAGES) {
            String withOther = path + (path.contains("?") ? "&" : "?") + other;
            ConsoleClient.Page page = browser.get(withOther);
            assertThat(page.status()).as(withOther).isEqualTo(404);
            assertThat(page.body()).as(withOther).doesNotContain(b.marker());
        }
        assertThat(browser.get("/console/system").status()).isEqualTo(403);

        ConsoleClient.Page done = browser.postForm(
                "/console", "/console/callbacks/" + b.callbackId() + "/done", Map.of("note", "not mine"));
        ConsoleClient.Page sync = browser.postForm("/console", "/console/setup/" + b.companyId() + "/sync", Map.of());
        ConsoleClient.Page keys = browser.postForm(
                "/console", "/console/setup/" + b.companyId() + "/keys", Map.of("retellApiKey", "key_stolen"));
        ConsoleClient.Page ownKeys = browser.postForm(
                "/console", "/console/setup/" + a.companyId() + "/keys", Map.of("retellApiKey", "key_mine"));

        assertThat(done.status()).isEqualTo(404);
        assertThat(sync.status()).isEqualTo(404);
        assertThat(keys.status()).isEqualTo(403);
        assertThat(ownKeys.status()).as("keys are for operators").isEqualTo(403);
        assertThat(jdbc.sql("SELECT status FROM callback_requests WHERE id = :id")
                        .param("id", b.callbackId())
                        .query(String.class)
                        .single())
                .isEqualTo("open");
        assertThat(jdbc.sql("SELECT retell_api_key_hint FROM companies WHERE id = :id")
                        .param("id", b.companyId())
                        .query(String.class)
                        .optional())
                .isEmpty();
    }

    @Test
    void anOperatorSeesEveryCompanyAndCanNarrowToOne() {
        ConsoleClient browser = client().signedIn(operator, OPERATOR_PASSWORD);

        assertThat(browser.get("/console/calls").body()).contains(a.marker(), b.marker());
        assertThat(browser.get("/console/calls?company=" + b.companyId()).body())
                .contains(b.marker())
                .doesNotContain(a.marker());
        assertThat(browser.get("/console/calls/" + b.callId()).status()).isEqualTo(200);
        assertThat(browser.get("/console/export/customers.csv").body()).contains(a.marker(), b.marker());
        ConsoleClient.Page system = browser.get("/console/system");
        assertThat(system.status()).isEqualTo(200);
        assertThat(system.body()).contains("check_availability", "slotline.");
        ConsoleClient.Page setup = browser.get("/console/setup?company=" + b.companyId());
        assertThat(setup.body()).contains("Company cons-b-" + run, "owner-b-" + run, "book_appointment");
    }

    @Test
    void anOperatorSetsKeysWhichAreNeverShownAgain() {
        ConsoleClient browser = client().signedIn(operator, OPERATOR_PASSWORD);
        ConsoleClient.Page saved = browser.postForm(
                "/console/setup?company=" + a.companyId(),
                "/console/setup/" + a.companyId() + "/keys",
                Map.of("retellApiKey", "key_console_secret_9876"));

        assertThat(saved.status()).isEqualTo(302);
        String page = browser.get("/console/setup?company=" + a.companyId()).body();
        assertThat(page).doesNotContain("key_console_secret_9876").contains("9876");
    }

    // ---- pages and actions

    @Test
    void anAppointmentThatNeedsAttentionSaysWhyInTheAppointmentsList() {
        ConsoleClient browser = client().signedIn(a.user(), PASSWORD_A);
        assertThat(browser.get("/console/appointments").body()).doesNotContain("needs attention");

        jdbc.sql("UPDATE appointments SET attention = :why WHERE id = :id")
                .param("why", "Step 2 of the colouring was cancelled in Cal.com")
                .param("id", a.appointmentId())
                .update();

        assertThat(browser.get("/console/appointments").body())
                .contains("needs attention", "Step 2 of the colouring was cancelled in Cal.com");
        assertThat(browser.get("/console/appointments?lang=de").body()).contains("bitte prüfen");
    }

    @Test
    void aCallsPageShowsItsTimeline() {
        String page = client().signedIn(a.user(), PASSWORD_A)
                .get("/console/calls/" + a.callId())
                .body();

        assertThat(page)
                .contains(
                        "check_availability",
                        "book_appointment",
                        "Morgen um 10 Uhr ist frei.",
                        "42 ms",
                        "2500 ms",
                        "calcom_unavailable",
                        "+49***12");
    }

    @Test
    void callsAreFilteredByOutcomeStatusDayAndCaller() {
        ConsoleClient browser = client().signedIn(a.user(), PASSWORD_A);

        assertThat(browser.get("/console/calls?outcome=calcom_trouble").body()).contains(a.marker());
        assertThat(browser.get("/console/calls?outcome=booked").body()).doesNotContain(a.marker());
        assertThat(browser.get("/console/calls?status=ongoing").body()).contains(a.marker());
        assertThat(browser.get("/console/calls?status=ended").body()).doesNotContain(a.marker());
        assertThat(browser.get("/console/calls?day=2020-01-01").body()).doesNotContain(a.marker());
        assertThat(browser.get("/console/calls?caller=" + a.phone().substring(3))
                        .body())
                .contains(a.marker());
        assertThat(browser.get("/console/calls?caller=nobody").body()).doesNotContain(a.marker());
        assertThat(browser.get("/console/calls?status=lost").status()).isEqualTo(400);
        assertThat(browser.get("/console/calls?day=yesterday").status()).isEqualTo(400);
    }

    @Test
    void markingACallbackDoneKeepsWhoWhenAndTheNote() {
        Tenant own = tenant("cons-cb-" + run, "owner-cb-" + run, "password-cb-1", "Carla Cbx" + run);
        ConsoleClient browser = client().signedIn(own.user(), "password-cb-1");

        ConsoleClient.Page done = browser.postForm(
                "/console/callbacks",
                "/console/callbacks/" + own.callbackId() + "/done",
                Map.of("note", "Termin am Freitag vereinbart"));
        ConsoleClient.Page again = browser.postForm(
                "/console/callbacks",
                "/console/callbacks/" + own.callbackId() + "/done",
                Map.of("note", "second note"));

        assertThat(done.status()).isEqualTo(302);
        assertThat(again.status()).isEqualTo(302);
        assertThat(browser.get("/console/callbacks").body()).doesNotContain(own.marker());
        assertThat(browser.get("/console/callbacks?status=done").body())
                .contains(own.marker(), "Termin am Freitag vereinbart", own.user())
                .doesNotContain("second note");
        assertThat(browser.get("/console/export/callbacks.csv?status=done").body())
                .contains("Termin am Freitag vereinbart");
    }

    @Test
    void theConsoleSpeaksGermanAndEnglish() {
        ConsoleClient browser = client().signedIn(a.user(), PASSWORD_A);

        assertThat(browser.get("/console?lang=de").body()).contains("Laufende Anrufe", "Offene Rückrufe");
        assertThat(browser.get("/console/calls").body()).contains("Anrufe").as("the choice stays for the session");
        assertThat(browser.get("/console?lang=en").body()).contains("Calls now", "Open callbacks");
    }

    // ---- nothing else changed

    @Test
    void theOtherEndpointsNeverSeeSpringSecurity() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> health = http.send(
                HttpRequest.newBuilder(URI.create(url("/actuator/health"))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> admin = http.send(
                HttpRequest.newBuilder(URI.create(url("/admin/api/companies"))).build(),
                HttpResponse.BodyHandlers.ofString());
        // Spring Security's firewall would refuse a semicolon (400); the admin filter answers as it always did
        HttpResponse<String> adminWithParameter = http.send(
                HttpRequest.newBuilder(URI.create(url("/admin/api/companies;v=1")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> consoleWithParameter = http.send(
                HttpRequest.newBuilder(URI.create(url("/console/calls;v=1"))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> retell = http.send(
                HttpRequest.newBuilder(URI.create(url("/retell/webhook")))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"event\":\"call_started\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        for (HttpResponse<String> response : List.of(health, admin, adminWithParameter, retell)) {
            assertThat(response.headers().firstValue("Set-Cookie"))
                    .as(response.uri().toString())
                    .isEmpty();
            assertThat(response.headers().firstValue("X-Frame-Options"))
                    .as(response.uri().toString())
                    .isEmpty();
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as(response.uri().toString())
                    .isEmpty();
        }
        assertThat(admin.statusCode()).isEqualTo(401);
        assertThat(admin.body()).contains("\"error\":\"unauthorized\"");
        assertThat(adminWithParameter.statusCode()).isEqualTo(401);
        assertThat(consoleWithParameter.statusCode()).isEqualTo(400);
        assertThat(retell.statusCode()).isEqualTo(401);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The first event of the live stream, read the way EventSource does. */
    private String liveEvent(ConsoleClient browser, String path) {
        return browser.firstEvent(path);
    }
}
