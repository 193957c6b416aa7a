package io.slotline.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.slotline.support.TestTenants;
import io.slotline.support.TestTenants.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Expired idempotency keys, webhook dedupe keys and finished holds go; everything still in use stays. */
@SpringBootTest
@ActiveProfiles("test")
class HousekeepingTest {

    @Autowired
    Housekeeping housekeeping;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry registry;

    private TestTenant tenant;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void setUp() {
        tenant = new TestTenants(dataSource).create();
    }

    @Test
    void deletesWhatOutlivedItsRetentionAndKeepsTheRest() {
        Instant now = Instant.now();
        idempotencyKey("old-" + run, now.minus(Duration.ofDays(8)));
        idempotencyKey("new-" + run, now.minus(Duration.ofHours(1)));
        retellEvent("call_old_" + run, now.minus(Duration.ofDays(31)));
        retellEvent("call_new_" + run, now.minus(Duration.ofDays(29)));
        calcomEvent("uid-old-" + run, now.minus(Duration.ofDays(31)));
        calcomEvent("uid-new-" + run, now.minus(Duration.ofDays(1)));
        long service = new TestTenants(dataSource).service(tenant, "Herrenhaarschnitt");
        hold("res-released-" + run, service, "released", now.minus(Duration.ofDays(8)), now.minus(Duration.ofDays(8)));
        hold("res-expired-" + run, service, "held", now.minus(Duration.ofDays(8)), now.minus(Duration.ofDays(8)));
        hold("res-recent-" + run, service, "booked", now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(2)));
        // a hold still running is kept however old its row is
        hold("res-live-" + run, service, "held", now.minus(Duration.ofDays(8)), now.plus(Duration.ofMinutes(5)));
        double before = deletedCounter("slot_holds");

        Map<String, Integer> deleted = housekeeping.run();

        assertThat(deleted)
                .containsKeys("function_idempotency", "retell_webhook_events", "calcom_webhook_events", "slot_holds");
        assertThat(remaining("function_idempotency", "idempotency_key")).containsExactly("new-" + run);
        assertThat(remaining("retell_webhook_events", "retell_call_id")).containsExactly("call_new_" + run);
        assertThat(remaining("calcom_webhook_events", "booking_uid")).containsExactly("uid-new-" + run);
        assertThat(remaining("slot_holds", "reservation_uid"))
                .containsExactlyInAnyOrder("res-recent-" + run, "res-live-" + run);
        assertThat(deletedCounter("slot_holds") - before)
                .isEqualTo(deleted.get("slot_holds").doubleValue());
        assertThat(deleted.get("slot_holds")).isGreaterThanOrEqualTo(2);

        housekeeping.run();
        assertThat(remaining("function_idempotency", "idempotency_key"))
                .as("a second pass keeps what the first kept")
                .containsExactly("new-" + run);
        assertThat(remaining("slot_holds", "reservation_uid"))
                .containsExactlyInAnyOrder("res-recent-" + run, "res-live-" + run);
    }

    private java.util.List<String> remaining(String table, String column) {
        return jdbc.sql("SELECT " + column + " FROM " + table + " WHERE " + column + " LIKE :run")
                .param("run", "%" + run)
                .query(String.class)
                .list();
    }

    private double deletedCounter(String table) {
        return registry.counter(Housekeeping.DELETED, "table", table).count();
    }

    private void idempotencyKey(String key, Instant updatedAt) {
        jdbc.sql("""
                INSERT INTO function_idempotency (idempotency_key, company_id, function_name, state, created_at,
                                                  updated_at)
                VALUES (:key, :company, 'book_appointment', 'done', :at, :at)""")
                .param("key", key)
                .param("company", tenant.companyId())
                .param("at", utc(updatedAt))
                .update();
    }

    private void retellEvent(String callId, Instant receivedAt) {
        jdbc.sql("""
                INSERT INTO retell_webhook_events (company_id, event, retell_call_id, received_at)
                VALUES (:company, 'call_ended', :id, :at)""")
                .param("company", tenant.companyId())
                .param("id", callId)
                .param("at", utc(receivedAt))
                .update();
    }

    private void calcomEvent(String uid, Instant receivedAt) {
        jdbc.sql("""
                INSERT INTO calcom_webhook_events (company_id, trigger_event, booking_uid, received_at)
                VALUES (:company, 'BOOKING_CREATED', :uid, :at)""")
                .param("company", tenant.companyId())
                .param("uid", uid)
                .param("at", utc(receivedAt))
                .update();
    }

    private void hold(String uid, long service, String status, Instant createdAt, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO slot_holds (company_id, retell_call_id, service_id, host, starts_at, ends_at,
                                        reservation_uid, expires_at, status, created_at)
                VALUES (:company, :call, :service, 'anna', :starts, :ends, :uid, :expires, :status, :created)""")
                .param("company", tenant.companyId())
                .param("call", "call_" + run)
                .param("service", service)
                .param("starts", utc(createdAt.plus(Duration.ofDays(1))))
                .param("ends", utc(createdAt.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(30))))
                .param("uid", uid)
                .param("expires", utc(expiresAt))
                .param("status", status)
                .param("created", utc(createdAt))
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
