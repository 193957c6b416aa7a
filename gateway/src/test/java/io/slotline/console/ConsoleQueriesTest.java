package io.slotline.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.slotline.console.ConsoleQueries.CallFilter;
import io.slotline.console.ConsoleViews.CallRow;
import io.slotline.support.Database;
import io.slotline.support.MutableClock;
import io.slotline.support.OnEveryDatabase;
import io.slotline.support.TestTenants;
import io.slotline.support.TestTenants.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The console's SQL on H2 and PostgreSQL: scoping, outcomes, percentiles, and the sign-in throttle's counting. */
@OnEveryDatabase
class ConsoleQueriesTest {

    static final Instant NOW = Instant.parse("2026-03-29T10:00:00Z");

    @Parameter
    Database database;

    DataSource dataSource() {
        return database.dataSource();
    }

    JdbcClient jdbc;
    ConsoleQueries queries;
    TestTenant a;
    TestTenant b;
    long booked;
    long failed;
    long unsuccessful;
    long otherCall;

    @BeforeEach
    void activity() {
        jdbc = JdbcClient.create(dataSource());
        queries = new ConsoleQueries(jdbc);
        TestTenants tenants = new TestTenants(dataSource());
        a = tenants.create();
        b = tenants.create();
        booked = call(a, "ended", null, NOW.minusSeconds(600));
        function(a, booked, "check_availability", false, "slot_taken", 10);
        function(a, booked, "book_appointment", true, "ok", 700);
        failed = call(a, "ended", null, NOW.minusSeconds(500));
        function(a, failed, "check_availability", false, "calcom_unavailable", 2500);
        unsuccessful = call(a, "ended", false, NOW.minusSeconds(400));
        function(a, unsuccessful, "list_services", true, "ok", 20);
        otherCall = call(b, "ongoing", null, NOW.minusSeconds(60));
        function(b, otherCall, "check_availability", false, "calcom_unavailable", 30);
    }

    @Test
    void aCompanyScopeNeverReturnsAnotherCompanysRows() {
        Scope scopeA = new Scope(a.companyId());
        CallFilter any = new CallFilter(null, null, null, null, null);

        assertThat(queries.calls(scopeA, any, 0, 50).items())
                .extracting(CallRow::id)
                .containsExactly(unsuccessful, failed, booked);
        assertThat(queries.call(scopeA, otherCall)).isEmpty();
        assertThat(queries.call(new Scope(b.companyId()), otherCall)).isPresent();
        assertThat(queries.liveCalls(scopeA, NOW.minus(Duration.ofHours(2)))).isEmpty();
        assertThat(queries.liveCalls(new Scope(null), NOW.minus(Duration.ofHours(2))))
                .extracting(CallRow::id)
                .contains(otherCall);
        assertThat(queries.calcomTrouble(scopeA, NOW.minusSeconds(3600), NOW.plusSeconds(1)))
                .singleElement()
                .satisfies(t -> assertThat(t.failures()).isEqualTo(1));
        assertThat(queries.calcomTroubleEntries(scopeA, NOW.minusSeconds(3600), NOW.plusSeconds(1), 10))
                .extracting(ConsoleQueries.TroubleEntry::callId)
                .containsExactly(failed);
        assertThat(queries.companies(scopeA))
                .extracting(ConsoleViews.CompanyRef::id)
                .containsExactly(a.companyId());
        assertThat(queries.callsBetween(scopeA, NOW.minusSeconds(3600), NOW)).isEqualTo(3);
        assertThat(queries.customers(scopeA, null, 0, 10).items()).isEmpty();
        assertThat(queries.openCallbackCount(scopeA)).isZero();
    }

    @Test
    void outcomesSayWhatTheCallerGot() {
        Scope scopeA = new Scope(a.companyId());

        assertThat(ids(scopeA, CallOutcome.BOOKED)).containsExactly(booked);
        assertThat(ids(scopeA, CallOutcome.FAILED)).containsExactly(unsuccessful, failed);
        assertThat(ids(scopeA, CallOutcome.CALCOM_TROUBLE)).containsExactly(failed);
        assertThat(queries.failedCalls(scopeA, NOW.minusSeconds(3600), NOW, 10))
                .extracting(CallRow::id)
                .containsExactly(unsuccessful, failed);
    }

    @Test
    void latencyPercentilesPerFunction() {
        var latencies = queries.functionLatencies(new Scope(a.companyId()), NOW.minusSeconds(3600));

        assertThat(latencies)
                .extracting(ConsoleQueries.FunctionLatency::functionName)
                .containsExactly("book_appointment", "check_availability", "list_services");
        var check = latencies.get(1);
        assertThat(check.calls()).isEqualTo(2);
        assertThat(check.notOk()).isEqualTo(2);
        assertThat(check.p50()).isEqualTo(1255.0);
        assertThat(check.p95()).isEqualTo(2500 - 0.05 * 2490);
        assertThat(check.maxMs()).isEqualTo(2500);
    }

    @Test
    void callbacksAreDoneOnceWithinTheScope() {
        long callback = insert("INSERT INTO callback_requests (company_id, customer_name, reason, created_at) "
                + "VALUES (" + b.companyId() + ", 'Bea', 'Frage', CURRENT_TIMESTAMP)");

        boolean fromA = queries.markCallbackDone(new Scope(a.companyId()), callback, "a", "x", NOW);
        boolean fromB = queries.markCallbackDone(new Scope(b.companyId()), callback, "b", "erledigt", NOW);
        boolean again = queries.markCallbackDone(new Scope(b.companyId()), callback, "b", "twice", NOW);

        assertThat(fromA).isFalse();
        assertThat(fromB).isTrue();
        assertThat(again).isFalse();
        var row = queries.callback(new Scope(b.companyId()), callback).orElseThrow();
        assertThat(row.status()).isEqualTo("done");
        assertThat(row.doneNote()).isEqualTo("erledigt");
        assertThat(row.doneBy()).isEqualTo("b");
    }

    @Test
    void failedSignInsBlockForATimeThatDoubles() {
        MutableClock clock = new MutableClock(NOW);
        ConsoleProperties properties = new ConsoleProperties(
                Duration.ofMinutes(30),
                Duration.ofHours(12),
                java.time.ZoneId.of("Europe/Berlin"),
                Duration.ofSeconds(2),
                new ConsoleProperties.SignIn(
                        3, 100, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15)));
        SignInThrottle throttle = new SignInThrottle(jdbc, clock, properties);
        String user = "u-" + UUID.randomUUID();
        String address = "10.0.0." + (int) (Math.random() * 200);

        throttle.failed(user, address);
        throttle.failed(user, address);
        assertThat(throttle.blocked(user, address)).isEmpty();
        throttle.failed(user, address);
        assertThat(throttle.blocked(user, address)).contains(Duration.ofSeconds(30));
        throttle.failed(user, address);
        assertThat(throttle.blocked(user.toUpperCase(), "10.9.9.9")).contains(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(61));
        assertThat(throttle.blocked(user, address)).isEmpty();
        throttle.succeeded(user);
        throttle.failed(user, address);
        assertThat(throttle.blocked(user, address))
                .as("a success starts counting again")
                .isEmpty();
        clock.advance(Duration.ofMinutes(16));
        throttle.failed(user, address);
        throttle.failed(user, address);
        assertThat(throttle.blocked(user, address))
                .as("failures older than the window are forgotten")
                .isEmpty();
    }

    private java.util.List<Long> ids(Scope scope, CallOutcome outcome) {
        return queries.calls(scope, new CallFilter(null, null, null, outcome, null), 0, 50).items().stream()
                .map(CallRow::id)
                .toList();
    }

    private long call(TestTenant tenant, String status, Boolean successful, Instant started) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO calls (retell_call_id, company_id, status, started_at, call_successful, created_at)
                VALUES (:id, :company, :status, :started, :successful, :started)""")
                .param("id", "c-" + UUID.randomUUID())
                .param("company", tenant.companyId())
                .param("status", status)
                .param("started", OffsetDateTime.ofInstant(started, ZoneOffset.UTC))
                .param("successful", successful, java.sql.Types.BOOLEAN)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private void function(TestTenant tenant, long callId, String name, boolean ok, String outcome, int latency) {
        String retellId = jdbc.sql("SELECT retell_call_id FROM calls WHERE id = :id")
                .param("id", callId)
                .query(String.class)
                .single();
        jdbc.sql("""
                INSERT INTO function_calls (company_id, retell_call_id, function_name, ok, outcome, latency_ms,
                    created_at)
                VALUES (:company, :call, :name, :ok, :outcome, :latency, :at)""")
                .param("company", tenant.companyId())
                .param("call", retellId)
                .param("name", name)
                .param("ok", ok)
                .param("outcome", outcome)
                .param("latency", latency)
                .param("at", OffsetDateTime.ofInstant(NOW.minusSeconds(300), ZoneOffset.UTC))
                .update();
    }

    private long insert(String sql) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql(sql).update(keys, "id");
        return keys.getKey().longValue();
    }
}
