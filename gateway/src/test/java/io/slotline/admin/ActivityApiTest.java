package io.slotline.admin;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ActivityApiTest extends AdminApiTestSupport {

    private static final Instant MARCH_1 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant MARCH_2 = Instant.parse("2026-03-02T10:00:00Z");

    @Autowired
    Calls calls;

    @Autowired
    FunctionCallLog functionCalls;

    @Autowired
    Customers customers;

    @Autowired
    Appointments appointments;

    @Autowired
    CallbackRequests callbackRequests;

    long companyId;
    long otherCompanyId;
    String erikaPhone;
    String maxPhone;
    Call firstCall;
    long serviceId;

    @BeforeEach
    void someActivity() {
        long[] tenant = companyWithBranch(uniqueSlug("activity"));
        long[] other = companyWithBranch(uniqueSlug("activity-other"));
        companyId = tenant[0];
        otherCompanyId = other[0];
        String dialled = randomE164();
        erikaPhone = randomE164();
        maxPhone = randomE164();
        serviceId = post(
                        "/admin/api/companies/" + companyId + "/services",
                        Map.of("name", "Färben", "durationMinutes", 90))
                .json()
                .path("id")
                .asLong();
        Customer erika = customers.upsertByPhone(companyId, erikaPhone, "Erika Muster", "erika@example.com");
        Customer max = customers.upsertByPhone(companyId, maxPhone, null, null);
        customers.upsertByPhone(otherCompanyId, erikaPhone, "Erika elsewhere", null);

        firstCall = calls.ensure(
                new CallFacts(
                        "call_" + uniqueSlug("a"),
                        companyId,
                        tenant[1],
                        "agent",
                        erikaPhone,
                        dialled,
                        "inbound",
                        MARCH_1),
                erika.id());
        calls.recordEnded(
                new CallFacts(firstCall.retellCallId(), companyId, null, null, null, null, null, null),
                "ended",
                "user_hangup",
                MARCH_1.plus(Duration.ofMinutes(3)));
        Call secondCall = calls.ensure(
                new CallFacts(
                        "call_" + uniqueSlug("b"),
                        companyId,
                        tenant[1],
                        "agent",
                        maxPhone,
                        dialled,
                        "inbound",
                        MARCH_2),
                max.id());
        calls.ensure(
                new CallFacts(
                        "call_" + uniqueSlug("c"),
                        otherCompanyId,
                        other[1],
                        "agent",
                        erikaPhone,
                        randomE164(),
                        "inbound",
                        MARCH_1),
                null);
        functionCalls.record(new NewFunctionCall(
                companyId,
                firstCall.retellCallId(),
                "check_availability",
                "tc_1",
                "{\"service\":\"Färben\",\"day\":\"morgen\"}",
                true,
                "ok",
                "Morgen um 10 Uhr ist frei.",
                120,
                1));
        functionCalls.record(new NewFunctionCall(
                companyId,
                firstCall.retellCallId(),
                "book_appointment",
                "tc_2",
                "{\"start\":\"10:00\"}",
                false,
                "slot_taken",
                "Leider gerade vergeben.",
                340,
                2));

        appointments.insert(new NewAppointment(
                companyId,
                tenant[1],
                serviceId,
                null,
                erika.id(),
                firstCall.id(),
                MARCH_1.plus(Duration.ofDays(1)),
                MARCH_1.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(90)),
                "uid-" + uniqueSlug("x"),
                AppointmentStatus.BOOKED,
                AppointmentSource.PHONE,
                null,
                null));
        var cancelled = appointments.insert(new NewAppointment(
                companyId,
                tenant[1],
                serviceId,
                null,
                max.id(),
                secondCall.id(),
                MARCH_2.plus(Duration.ofDays(2)),
                MARCH_2.plus(Duration.ofDays(2)).plusSeconds(5400),
                "uid-" + uniqueSlug("y"),
                AppointmentStatus.BOOKED,
                AppointmentSource.PHONE,
                null,
                null));
        appointments.markCancelled(companyId, cancelled.appointment().id(), "caller cancelled");

        callbackRequests.create(new NewCallbackRequest(
                companyId,
                tenant[1],
                firstCall.id(),
                erika.id(),
                "Erika Muster",
                erikaPhone,
                "Frage zur Coloration",
                "nachmittags"));
        callbackRequests.create(new NewCallbackRequest(
                companyId, tenant[1], secondCall.id(), max.id(), "Max", maxPhone, "Beschwerde", null));
    }

    @Test
    void callsAreFilteredByCompanyNewestFirst() {
        Response page = get("/admin/api/calls?companyId=" + companyId);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("total").asLong()).isEqualTo(2);
        assertThat(page.json().path("items").findValuesAsString("fromNumber")).containsExactly(maxPhone, erikaPhone);
        assertThat(page.json().path("items").get(1).path("functionCalls").asInt())
                .isEqualTo(2);
        assertThat(page.json().path("items").get(1).path("companySlug").asString())
                .startsWith("activity-");
    }

    @Test
    void callsAreFilteredByDateStatusAndPhone() {
        String base = "/admin/api/calls?companyId=" + companyId;

        assertThat(get(base + "&from=2026-03-01&to=2026-03-01")
                        .json()
                        .path("items")
                        .findValuesAsString("fromNumber"))
                .containsExactly(erikaPhone);
        assertThat(get(base + "&from=2026-03-01T12:00:00Z").json().path("items").findValuesAsString("fromNumber"))
                .containsExactly(maxPhone);
        assertThat(get(base + "&status=ended").json().path("items").findValuesAsString("fromNumber"))
                .containsExactly(erikaPhone);
        assertThat(get(base + "&phone=" + maxPhone.substring(4))
                        .json()
                        .path("items")
                        .findValuesAsString("fromNumber"))
                .containsExactly(maxPhone);
        assertThat(get("/admin/api/calls?phone=" + erikaPhone.replace("+", "%2B"))
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    void listsArePaginated() {
        Response first = get("/admin/api/calls?companyId=" + companyId + "&size=1&page=0");
        Response second = get("/admin/api/calls?companyId=" + companyId + "&size=1&page=1");
        Response beyond = get("/admin/api/calls?companyId=" + companyId + "&size=1&page=2");

        assertThat(first.json().path("items").findValuesAsString("fromNumber")).containsExactly(maxPhone);
        assertThat(second.json().path("items").findValuesAsString("fromNumber")).containsExactly(erikaPhone);
        assertThat(second.json().path("total").asLong()).isEqualTo(2);
        assertThat(second.json().path("size").asInt()).isEqualTo(1);
        assertThat(beyond.json().path("items").isEmpty()).isTrue();
    }

    @Test
    void badFiltersAre400NamingTheParameter() {
        Map<String, String> cases = Map.of(
                "size=201", "size",
                "size=0", "size",
                "page=-1", "page",
                "status=finished", "status",
                "from=yesterday", "from",
                "from=2026-03-02&to=2026-03-01T00:00:00Z", "to",
                "phone=abc", "phone",
                "companyId=x", "companyId");
        cases.forEach((query, field) -> {
            Response response = get("/admin/api/calls?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.field()).as(query).isEqualTo(field);
        });
    }

    @Test
    void aCallComesWithItsFunctionCallsInOrder() {
        Response detail = get("/admin/api/calls/" + firstCall.id());

        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.json().path("call").path("status").asString()).isEqualTo("ended");
        assertThat(detail.json().path("call").path("functionCalls").asInt()).isEqualTo(2);
        assertThat(detail.json().path("functionCalls").findValuesAsString("functionName"))
                .containsExactly("check_availability", "book_appointment");
        assertThat(detail.json()
                        .path("functionCalls")
                        .get(0)
                        .path("args")
                        .path("day")
                        .asString())
                .isEqualTo("morgen");
        assertThat(detail.json().path("functionCalls").get(1).path("outcome").asString())
                .isEqualTo("slot_taken");
        assertThat(get("/admin/api/calls/987654321").status()).isEqualTo(404);
    }

    @Test
    void appointmentsShowServiceAndCustomerAndFilterByStatusPhoneAndDate() {
        String base = "/admin/api/appointments?companyId=" + companyId;

        Response all = get(base);
        assertThat(all.json().path("total").asLong()).isEqualTo(2);
        assertThat(all.json().path("items").get(1).path("serviceName").asString())
                .isEqualTo("Färben");
        assertThat(all.json().path("items").get(1).path("customerName").asString())
                .isEqualTo("Erika Muster");
        assertThat(get(base + "&status=cancelled").json().path("items").findValuesAsString("customerPhone"))
                .containsExactly(maxPhone);
        assertThat(get(base + "&phone=" + erikaPhone.substring(3))
                        .json()
                        .path("items")
                        .findValuesAsString("status"))
                .containsExactly("booked");
        assertThat(get(base + "&from=2026-03-04").json().path("items").findValuesAsString("status"))
                .containsExactly("cancelled");
    }

    @Test
    void customersAreListedPerCompany() {
        Response mine = get("/admin/api/customers?companyId=" + companyId);
        Response byPhone = get("/admin/api/customers?phone=" + erikaPhone.substring(1));

        assertThat(mine.json().path("items").findValuesAsString("phone"))
                .containsExactlyInAnyOrder(erikaPhone, maxPhone);
        assertThat(byPhone.json().path("items").findValuesAsString("name"))
                .containsExactlyInAnyOrder("Erika Muster", "Erika elsewhere");
    }

    @Test
    void callbackRequestsAreListedAndMarkedDone() {
        String base = "/admin/api/callback-requests?companyId=" + companyId;
        Response open = get(base + "&status=open");
        long id = open.json().path("items").get(0).path("id").asLong();

        Response done = post("/admin/api/callback-requests/" + id + "/done", null);

        assertThat(open.json().path("total").asLong()).isEqualTo(2);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().path("status").asString()).isEqualTo("done");
        assertThat(get(base + "&status=open").json().path("total").asLong()).isEqualTo(1);
        assertThat(get(base + "&status=done").json().path("items").findValuesAsString("reason"))
                .isEqualTo(List.of(done.json().path("reason").asString()));
    }
}
