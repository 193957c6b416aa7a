package io.slotline.appointments;

import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * A booking moved in Cal.com: the previous time became free, the new one busy (the host may have changed too).
 * Published after the change is committed (at once when there is no transaction).
 *
 * @param previousHost the Cal.com user the previous time was with, when known
 * @param hostUsername the Cal.com user the new time is with, when known
 */
public record AppointmentMoved(
        long companyId,
        Instant previousStart,
        Instant previousEnd,
        @Nullable String previousHost,
        Instant start,
        Instant end,
        @Nullable String hostUsername,
        ZoneId zone,
        @Nullable Long eventTypeId,
        AppointmentSource source) {}
