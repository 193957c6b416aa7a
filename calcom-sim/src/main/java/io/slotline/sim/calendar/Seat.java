package io.slotline.sim.calendar;

import org.jspecify.annotations.Nullable;

/**
 * One attendee's place in a seated booking; Cal.com's BookingSeat row with its {@code referenceUid}, answered as
 * {@code seatUid} (apps/api/v2/src/ee/bookings/2024-08-13/services/output.service.ts).
 */
public record Seat(@Nullable String seatUid, Attendee attendee) {}
