/**
 * Free slots of Cal.com calendars, answered from memory whenever possible.
 *
 * <p>API: {@link io.slotline.availability.AvailabilityService} ({@code freeSlots}, {@code invalidate},
 * {@code invalidateCompany}) with {@link io.slotline.availability.CalendarRef},
 * {@link io.slotline.availability.SlotRequest} and {@link io.slotline.availability.Availability};
 * {@link io.slotline.availability.Prefetcher} warms a branch's calendars when a call comes in.
 *
 * <p>Implementations by {@code slotline.availability.mode}: {@link io.slotline.availability.CachedAvailability}
 * ({@code cached}, default: range fetches, single-flight, refresh-ahead, stale-if-error, shared through Redis with
 * {@code slotline.availability.store=redis}) and {@link io.slotline.availability.NaiveAvailability}
 * ({@code naive}: the old system's one request per day, the benchmark's baseline). Cal.com is reached through the
 * primary {@link io.slotline.calcom.CalcomApi}, i.e. {@link io.slotline.calcom.ResilientCalcomApi} (breaker,
 * budget, retry).
 */
@NullMarked
package io.slotline.availability;

import org.jspecify.annotations.NullMarked;
