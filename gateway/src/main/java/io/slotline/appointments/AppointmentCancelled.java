package io.slotline.appointments;

import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * A booked time became free in Cal.com: cancelled or rejected, by a caller through us or in Cal.com. Published
 * after the change is committed (at once when there is no transaction).
 *
 * @param eventTypeId  the service's event type, when known
 * @param hostUsername the Cal.com user whose time was freed, when known
 */
public record AppointmentCancelled(
        long companyId,
        Instant start,
        Instant end,
        ZoneId zone,
        @Nullable Long eventTypeId,
        @Nullable String hostUsername,
        AppointmentSource source) {}
