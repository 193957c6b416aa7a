package io.slotline.appointments.webhook;

import io.slotline.housekeeping.ExpiringRecords;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Cal.com may send the same event twice (and echoes our own bookings): the primary key (company, trigger, booking
 * uid) lets each act once.
 */
@Repository
class CalcomWebhookEvents implements ExpiringRecords {

    private final JdbcClient jdbc;
    private final Clock clock;

    CalcomWebhookEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return false when this trigger for this booking of this company was seen before */
    boolean firstDelivery(long companyId, String trigger, String bookingUid) {
        try {
            return jdbc.sql("""
                    INSERT INTO calcom_webhook_events (company_id, trigger_event, booking_uid, received_at)
                    VALUES (:companyId, :trigger, :uid, :now)
                    ON CONFLICT DO NOTHING""")
                            .param("companyId", companyId)
                            .param("trigger", trigger)
                            .param("uid", bookingUid)
                            .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                            .update()
                    == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Retention retention() {
        return Retention.WEBHOOK_EVENTS;
    }

    @Override
    public String table() {
        return "calcom_webhook_events";
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        return jdbc.sql("DELETE FROM calcom_webhook_events WHERE received_at < :cutoff")
                .param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .update();
    }
}
