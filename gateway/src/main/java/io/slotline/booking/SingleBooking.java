package io.slotline.booking;

import io.slotline.availability.BusyChange;
import io.slotline.availability.CalendarRef;
import io.slotline.calcom.Booking;
import io.slotline.calcom.CalcomApi;
import io.slotline.calcom.CalcomException;
import io.slotline.calcom.CreateBooking;
import io.slotline.calcom.EventType;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Books a service of one block in Cal.com, once the request's claim is held: the attempt is written before the
 * request leaves, an attempt after one that may have reached Cal.com looks the booking up first, and each of Cal.com's
 * answers becomes an outcome (and a settled or still pending attempt).
 */
@Component
class SingleBooking {

    private static final Logger log = LoggerFactory.getLogger(SingleBooking.class);

    private final CalcomApi calcom;
    private final EventTypeCatalog eventTypes;
    private final BookingProperties properties;
    private final BookingAttempts attempts;
    private final OurBookings ours;
    private final BookingRecorder recorder;

    SingleBooking(
            CalcomApi calcom,
            EventTypeCatalog eventTypes,
            BookingProperties properties,
            BookingAttempts attempts,
            OurBookings ours,
            BookingRecorder recorder) {
        this.calcom = calcom;
        this.eventTypes = eventTypes;
        this.properties = properties;
        this.attempts = attempts;
        this.ours = ours;
        this.recorder = recorder;
    }

    BookingService.BookingOutcome attempt(BookingService.BookingRequest request, String key) {
        CalendarRef calendar = request.calendar();
        // the booking fields decide whether an email is required; unknown (Cal.com not answering) means "assume so"
        EventType eventType = eventTypes.get(calendar);
        if (eventType != null && eventType.isSeated()) {
            // a seat is part of a booking shared with other callers (one uid, a seat uid each): booking and
            // cancelling whole bookings would merge or cancel other callers' seats; the Cal.com check says so
            log.warn("booking for call {} refused: event type {} is seated", request.retellCallId(), eventType.id());
            recorder.settleNotBooked(request, key, "seated event type " + eventType.id());
            return new BookingService.Rejected("event type " + eventType.id() + " is seated");
        }
        AttendeeFactory.Result attendee = AttendeeFactory.attendee(
                request.customerName(),
                request.phone(),
                request.email(),
                request.zone(),
                request.company().language(),
                eventType == null || eventType.requiresEmail(),
                eventType != null && eventType.requiresPhone(),
                properties.placeholderEmailDomain());
        if (attendee instanceof AttendeeFactory.Incomplete incomplete) {
            recorder.settleNotBooked(
                    request, key, "missing " + incomplete.missing().name().toLowerCase());
            return new BookingService.MissingContact(incomplete.missing().name().toLowerCase());
        }
        // written before the request leaves: whatever happens after, the key can be looked up in Cal.com
        Optional<BookingAttempt> earlier = attempts.begin(request, key);
        if (earlier.isPresent() && earlier.get().state() == BookingAttempt.State.PENDING) {
            try {
                Optional<Booking> found = ours.find(request, key);
                if (found.isPresent()) {
                    log.info(
                            "booking {} of call {} was made by an earlier attempt",
                            found.get().uid(),
                            request.retellCallId());
                    return recorder.record(request, key, found.get());
                }
            } catch (CalcomException e) {
                return new BookingService.Unavailable("lookup: " + e.getMessage());
            }
        }
        CreateBooking create = CreateBooking.of(
                calendar.eventTypeRef(), request.start(), ((AttendeeFactory.Ready) attendee).attendee(), key);
        if (eventType != null
                && eventType.hasMultipleLengths()
                && eventType.lengthInMinutes() != calendar.durationMinutes()
                && eventType.lengthOptions().contains(calendar.durationMinutes())) {
            // Cal.com refuses lengthInMinutes for a single-length event type; among several it picks the length
            create = create.withLengthInMinutes(calendar.durationMinutes());
        }
        if (request.reservationUid() != null) {
            create = create.withReservedSlotUid(request.reservationUid());
        }
        if (request.notes() != null) {
            create = create.withBookingFieldsResponses(Map.of("notes", request.notes()));
        }
        try {
            return recorder.record(request, key, calcom.createBooking(calendar.account(), create));
        } catch (CalcomException.SlotUnavailable taken) {
            // not our own earlier booking: none was sent before under this key, or the lookup above found none;
            // the caller's alternatives are read from Cal.com again for this calendar and day
            log.info("slot {} of call {} not bookable: {}", request.start(), request.retellCallId(), taken.reason());
            recorder.settleNotBooked(
                    request, key, "slot " + taken.reason().name().toLowerCase());
            if (calendar.staffUsername() != null) {
                // the host asked for (or held for "anyone") is busy then, whatever we knew
                recorder.tellAvailability(
                        request,
                        BusyChange.booked(
                                request.company().id(),
                                request.start(),
                                request.start()
                                        .plus(Duration.ofMinutes(
                                                request.service().durationMinutes())),
                                request.zone(),
                                calendar.eventTypeId(),
                                calendar.staffUsername()));
            }
            return new BookingService.SlotTaken(taken.reason());
        } catch (CalcomException.Unavailable | CalcomException.RateLimited e) {
            // no readable answer (timeout, broken connection or body) may hide a booking Cal.com made: the attempt
            // stays pending for the reconciler; Cal.com's own error answer, or a request never sent, cannot
            if (OurBookings.outcomeUnknown(e)) {
                Optional<Booking> found = ours.findQuietly(request, key);
                if (found.isPresent()) {
                    return recorder.record(request, key, found.get());
                }
            } else {
                recorder.settleNotBooked(request, key, "Cal.com: " + e.getMessage());
            }
            log.warn("booking for call {} failed, Cal.com unavailable: {}", request.retellCallId(), e.getMessage());
            return new BookingService.Unavailable(e.getMessage());
        } catch (CalcomException.Unauthorized e) {
            log.error(
                    "booking for call {}: Cal.com refuses the company's API key: {}",
                    request.retellCallId(),
                    e.getMessage());
            recorder.settleNotBooked(request, key, "Cal.com refused the API key");
            return new BookingService.Unavailable(e.getMessage());
        } catch (CalcomException.BadRequest | CalcomException.NotFound e) {
            log.warn("booking for call {} rejected by Cal.com: {}", request.retellCallId(), e.getMessage());
            recorder.settleNotBooked(request, key, "rejected by Cal.com");
            return new BookingService.Rejected(e.getMessage());
        }
    }
}
