package io.slotline.calcom.webhook;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Cal.com may send the same event twice (and echoes our own bookings): the primary key (company, trigger, booking
 * uid) lets each act once.
 */
@Repository
class CalcomWebhookEvents {

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
                    .update() == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
