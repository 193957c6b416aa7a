package io.slotline.retell;

import io.slotline.housekeeping.ExpiringRecords;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Retell delivers webhooks at least once: the primary key (event, call id) lets each act once. */
@Repository
class RetellWebhookEvents implements ExpiringRecords {

    private final JdbcClient jdbc;
    private final Clock clock;

    RetellWebhookEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return false when this event of this call was seen before */
    boolean firstDelivery(long companyId, String event, String retellCallId) {
        try {
            jdbc.sql("""
                    INSERT INTO retell_webhook_events (company_id, event, retell_call_id, received_at)
                    VALUES (:companyId, :event, :callId, :now)""")
                    .param("companyId", companyId)
                    .param("event", event)
                    .param("callId", retellCallId)
                    .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Lets a delivery whose processing failed be retried by Retell. */
    void forget(long companyId, String event, String retellCallId) {
        jdbc.sql("DELETE FROM retell_webhook_events WHERE company_id = :companyId AND event = :event "
                        + "AND retell_call_id = :callId")
                .param("companyId", companyId)
                .param("event", event)
                .param("callId", retellCallId)
                .update();
    }

    @Override
    public Retention retention() {
        return Retention.WEBHOOK_EVENTS;
    }

    @Override
    public String table() {
        return "retell_webhook_events";
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        return jdbc.sql("DELETE FROM retell_webhook_events WHERE received_at < :cutoff")
                .param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .update();
    }
}
