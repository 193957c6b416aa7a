package io.slotline.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.support.Database;
import io.slotline.support.MutableClock;
import io.slotline.support.OnEveryDatabase;
import io.slotline.support.TestTenants;
import io.slotline.support.TestTenants.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Function call log and callback requests: what an operator reads after a call. */
@OnEveryDatabase
class CallLogsTest {

    @Parameter
    Database database;

    DataSource dataSource() {
        return database.dataSource();
    }

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    FunctionCallLog log;
    CallbackRequests callbacks;
    TestTenant salon;
    TestTenant other;
    String callId;

    @BeforeEach
    void setUp() {
        JdbcClient jdbc = JdbcClient.create(dataSource());
        log = new FunctionCallLog(jdbc, clock);
        callbacks = new CallbackRequests(jdbc, clock);
        TestTenants tenants = new TestTenants(dataSource());
        salon = tenants.create();
        other = tenants.create();
        callId = "call_" + UUID.randomUUID();
    }

    @Test
    void functionCallsOfACallComeBackInOrder() {
        log.record(new NewFunctionCall(
                salon.companyId(),
                callId,
                "check_availability",
                "tc1",
                "{\"date\":\"morgen\"}",
                true,
                "ok",
                "Morgen um 10 Uhr ist frei.",
                42,
                1));
        clock.advance(Duration.ofSeconds(20));
        log.record(new NewFunctionCall(
                salon.companyId(),
                callId,
                "book_appointment",
                "tc2",
                "{}",
                false,
                "slot_taken",
                "Der Termin ist leider vergeben.",
                180,
                2));

        var calls = log.byCall(salon.companyId(), callId);

        assertThat(calls)
                .extracting(FunctionCall::functionName)
                .containsExactly("check_availability", "book_appointment");
        assertThat(calls.get(1)).satisfies(call -> {
            assertThat(call.ok()).isFalse();
            assertThat(call.outcome()).isEqualTo("slot_taken");
            assertThat(call.latencyMs()).isEqualTo(180);
            assertThat(call.upstreamRequests()).isEqualTo(2);
            assertThat(call.createdAt()).isEqualTo(Instant.parse("2026-03-02T09:00:20Z"));
        });
        assertThat(log.byCall(other.companyId(), callId)).isEmpty();
    }

    @Test
    void oversizedArgumentsAreCutNotRejected() {
        String huge = "x".repeat(10_000);

        log.record(new NewFunctionCall(
                salon.companyId(), callId, "check_availability", null, huge, true, "ok", huge, 5, 0));

        assertThat(log.byCall(salon.companyId(), callId)).singleElement().satisfies(call -> {
            assertThat(call.argsJson()).hasSize(8000);
            assertThat(call.message()).hasSize(4000);
        });
    }

    @Test
    void callbackRequestsAreOpenUntilDoneAndPerCompany() {
        CallbackRequest request = callbacks.create(new NewCallbackRequest(
                salon.companyId(),
                salon.branchId(),
                null,
                null,
                "Erika Muster",
                "+4915112345678",
                "Frage zur Rechnung",
                "morgen Vormittag"));

        assertThat(callbacks.open(salon.companyId()))
                .extracting(CallbackRequest::id)
                .containsExactly(request.id());
        assertThat(callbacks.open(other.companyId())).isEmpty();
        assertThat(callbacks.markDone(other.companyId(), request.id())).isFalse();
        assertThat(callbacks.markDone(salon.companyId(), request.id())).isTrue();
        assertThat(callbacks.open(salon.companyId())).isEmpty();
        assertThat(callbacks.findById(salon.companyId(), request.id()))
                .get()
                .extracting(CallbackRequest::status)
                .isEqualTo(CallbackRequest.Status.DONE);
    }
}
