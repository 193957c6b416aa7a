package io.slotline.booking;

import io.slotline.availability.CalendarRef;
import io.slotline.calcom.Booking;
import io.slotline.calcom.BookingFilter;
import io.slotline.calcom.BookingStatus;
import io.slotline.calcom.CalcomApi;
import io.slotline.calcom.CalcomException;
import io.slotline.tenancy.TenantDirectory;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds a booking of ours in Cal.com by the request id it was sent with (metadata {@code slotlineRequestId}): how
 * an attempt after one that may have reached Cal.com (timeout, lost answer, crash before our insert) learns that the
 * booking exists, instead of booking it twice.
 */
@Component
class OurBookings {

    private static final Logger log = LoggerFactory.getLogger(OurBookings.class);
    private static final Duration LOOKUP_SLACK = Duration.ofMinutes(1);

    private final CalcomApi calcom;
    private final TenantDirectory tenants;

    OurBookings(CalcomApi calcom, TenantDirectory tenants) {
        this.calcom = calcom;
        this.tenants = tenants;
    }

    /**
     * Whether Cal.com may have booked although we have no readable answer (timeout, broken connection or body):
     * Cal.com's own error answer, or a request never sent, cannot hide a booking.
     */
    static boolean outcomeUnknown(CalcomException e) {
        return e instanceof CalcomException.Unavailable unavailable
                && (unavailable.kind() == CalcomException.Unavailable.Kind.TIMEOUT
                        || unavailable.kind() == CalcomException.Unavailable.Kind.IO_ERROR
                        || unavailable.kind() == CalcomException.Unavailable.Kind.MALFORMED_RESPONSE);
    }

    /** The booking Cal.com holds under the request's {@code key}, if any. */
    Optional<Booking> find(BookingService.BookingRequest request, String key) {
        CalendarRef calendar = request.calendar();
        Instant end = request.start().plus(Duration.ofMinutes(calendar.durationMinutes()));
        BookingFilter filter = BookingFilter.none()
                .withAttendeeName(request.customerName())
                .withEventTypeIds(lookupEventTypeIds(request))
                .withinWindow(request.start().minus(LOOKUP_SLACK), end.plus(LOOKUP_SLACK));
        return calcom.listBookings(calendar.account(), filter).bookings().stream()
                .filter(booking -> key.equals(booking.slotlineRequestId()))
                .filter(booking ->
                        booking.status() != BookingStatus.CANCELLED && booking.status() != BookingStatus.REJECTED)
                .findFirst();
    }

    /** {@link #find}, with a failed lookup taken as "none there". */
    Optional<Booking> findQuietly(BookingService.BookingRequest request, String key) {
        try {
            return find(request, key);
        } catch (CalcomException e) {
            log.warn("could not look up booking {} of call {}: {}", key, request.retellCallId(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Where an earlier attempt may have booked: the calendar's event type and, for "anyone", every staff member's
     * own event type for the service too, since an "anyone" booking goes to the host its hold took, by that host's
     * own event type (the only way Cal.com books one person), and an attempt rebuilt after a restart no longer knows
     * which host that was.
     */
    private Long[] lookupEventTypeIds(BookingService.BookingRequest request) {
        CalendarRef calendar = request.calendar();
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(calendar.bookingEventTypeId());
        if (request.staff() == null) {
            ids.add(calendar.eventTypeId());
            tenants.staffEventTypes(request.company().id(), request.service().id())
                    .values()
                    .forEach(own -> ids.add(own.eventTypeId()));
        }
        return ids.toArray(Long[]::new);
    }

    /** A step's booking that an attempt sent under {@code requestId}, if Cal.com holds it. */
    Optional<Booking> findStep(
            BookingService.BookingRequest request, BookingService.StepBooking step, String requestId) {
        BookingFilter filter = BookingFilter.none()
                .withAttendeeName(request.customerName())
                .withEventTypeIds(new Long[] {step.calendar().bookingEventTypeId()})
                .withinWindow(step.start().minus(LOOKUP_SLACK), step.end().plus(LOOKUP_SLACK));
        return calcom.listBookings(step.calendar().account(), filter).bookings().stream()
                .filter(booking -> requestId.equals(booking.slotlineRequestId()))
                .filter(booking ->
                        booking.status() != BookingStatus.CANCELLED && booking.status() != BookingStatus.REJECTED)
                .findFirst();
    }

    /** {@link #findStep}, with a failed lookup taken as "none there". */
    Optional<Booking> findStepQuietly(
            BookingService.BookingRequest request, BookingService.StepBooking step, String requestId) {
        try {
            return findStep(request, step, requestId);
        } catch (CalcomException e) {
            log.warn("could not look up step {} of call {}: {}", requestId, request.retellCallId(), e.getMessage());
            return Optional.empty();
        }
    }
}
