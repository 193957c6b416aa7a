package io.slotline.appointments;

import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * A host's time became busy in Cal.com: a booking learnt from Cal.com's webhook (ours echoed back included).
 * Published after the change is committed (at once when there is no transaction).
 *
 * @param zone         the branch's or company's zone, the local days the change touches
 * @param eventTypeId  the service's event type (its buffers widen the busy time), when known
 * @param hostUsername the Cal.com user whose time it is, when known
 */
public record AppointmentBooked(
        long companyId,
        Instant start,
        Instant end,
        ZoneId zone,
        @Nullable Long eventTypeId,
        @Nullable String hostUsername,
        AppointmentSource source) {}
