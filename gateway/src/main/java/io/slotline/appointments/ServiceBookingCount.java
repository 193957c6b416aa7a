package io.slotline.appointments;

import java.time.Instant;

/** How often a customer booked a service, and when last: "the usual?" */
public record ServiceBookingCount(long serviceId, int count, Instant lastStartsAt) {}
