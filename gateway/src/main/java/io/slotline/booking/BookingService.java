package io.slotline.booking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;


import io.slotline.appointments.Appointment;
import io.slotline.appointments.AppointmentSource;
import io.slotline.appointments.AppointmentStatus;
import io.slotline.appointments.Appointments;
import io.slotline.appointments.NewAppointment;
import io.slotline.availability.AvailabilityService;
import io.slotline.availability.BusyChange;
import io.slotline.availability.CalendarRef;
import io.slotline.availability.InvalidationSource;
import io.slotline.calcom.Booking;
import io.slotline.calcom.BookingFilter;
import io.slotline.calcom.BookingStatus;
import io.slotline.calcom.CalcomApi;
import io.slotline.calcom.CalcomException;
import io.slotline.calcom.CreateBooking;
import io.slotline.calcom.EventType;
import io.slotline.calcom.Host;
import io.slotline.calls.FunctionIdempotency;
import io.slotline.calls.IdempotencyRecord;
import io.slotline.customers.Customers;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.Service;
import io.slotline.tenancy.Staff;
import io.slotline.tenancy.TenantDirectory;

/**
 * Books in Cal.com and records the result. Cal.com decides, never a cache: a slot that looked free may be gone.
 * <p>
 * Never twice: one call booking one service at one start is one request ({@link #requestKey}), whatever tool call
 * or retry it arrives in. Duplicates in this instance wait for the first attempt; duplicates elsewhere find its
 * claim. The key travels to Cal.com as metadata {@code slotlineRequestId}, and any attempt after one that may
 * have reached Cal.com (timeout, lost answer, crash before recording) first looks the booking up by that key.
 */
@org.springframework.stereotype.Service
public class BookingService {

    private static final Logger log = LoggerFactory.getLogger(BookingService.class);
    static final String CLAIM_FUNCTION = "booking";
    static final String SENT_FUNCTION = "booking_sent";
    private static final Duration LOOKUP_SLACK = Duration.ofMinutes(1);

    private final CalcomApi calcom;
    private final Appointments appointments;
    private final Customers customers;
    private final FunctionIdempotency claims;
    private final SlotHoldService holds;
    private final ObjectProvider<AvailabilityService> availability;
    private final TenantDirectory tenants;
    private final BookingProperties properties;
    private final ConcurrentMap<String, CompletableFuture<BookingOutcome>> inFlight = new ConcurrentHashMap<>();
    private final EventTypeCatalog eventTypes;

    BookingService(CalcomApi calcom, Appointments appointments, Customers customers, FunctionIdempotency claims,
                   SlotHoldService holds, ObjectProvider<AvailabilityService> availability, TenantDirectory tenants,
                   BookingProperties properties, EventTypeCatalog eventTypes) {
        this.calcom = calcom;
        this.appointments = appointments;
        this.customers = customers;
        this.claims = claims;
        this.holds = holds;
        this.availability = availability;
        this.tenants = tenants;
        this.properties = properties;
        this.eventTypes = eventTypes;
    }

    /**
     * @param phone          E.164; the customer record is kept by it
     * @param email          a real address the caller gave, or null
     * @param reservationUid the call's hold of this slot, if any
     */
    public record BookingRequest(Company company, long branchId, ZoneId zone, long callId, String retellCallId,
                                 Service service, @Nullable Staff staff, CalendarRef calendar, Instant start,
                                 String customerName, @Nullable String phone, @Nullable String email,
                                 @Nullable String notes, @Nullable String reservationUid) {
        public BookingRequest {
            Objects.requireNonNull(company, "company");
            Objects.requireNonNull(retellCallId, "retellCallId");
            Objects.requireNonNull(calendar, "calendar");
            Objects.requireNonNull(start, "start");
            if (customerName.isBlank()) {
                throw new IllegalArgumentException("customer name must not be blank");
            }
        }
    }

    public sealed interface BookingOutcome permits Booked, SlotTaken, MissingContact, Rejected, Unavailable,
            InProgress {
    }

    /**
     * @param staffName who does it, when known (asked for, or the host Cal.com assigned)
     * @param repeated  an earlier attempt of the same request had booked it already
     */
    public record Booked(Appointment appointment, @Nullable String staffName, boolean repeated)
            implements BookingOutcome {
    }

    /** Cal.com refused the time: taken, held by another caller, too soon or too far ahead. Nothing was booked. */
    public record SlotTaken(CalcomException.SlotUnavailable.Reason reason) implements BookingOutcome {
    }

    /** Cal.com needs a phone number (or an email) the caller has not given. Nothing was sent. */
    public record MissingContact(String what) implements BookingOutcome {
    }

    /** Cal.com rejected the request for another reason (setup problem); retrying will not help. */
    public record Rejected(String detail) implements BookingOutcome {
    }

    /** Cal.com could not be asked or did not answer, and no booking of ours is there. A retry may succeed. */
    public record Unavailable(String detail) implements BookingOutcome {
    }

    /** The same request is being booked by another instance right now. */
    public record InProgress() implements BookingOutcome {
    }

    /** One call, one service, one staff choice, one start: one booking. */
    public static String requestKey(String retellCallId, long serviceId, @Nullable Long staffId, Instant start) {
        return "booking:" + sha256(retellCallId + "|" + serviceId + "|" + (staffId == null ? "*" : staffId) + "|"
                + start);
    }

    public BookingOutcome book(BookingRequest request) {
        String key = currentKey(request);
        CompletableFuture<BookingOutcome> mine = new CompletableFuture<>();
        CompletableFuture<BookingOutcome> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            try {
                BookingOutcome first = running.join();
                return first instanceof Booked booked ? new Booked(booked.appointment(), booked.staffName(), true)
                        : first;
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            BookingOutcome outcome = bookClaimed(request, key);
            mine.complete(outcome);
            return outcome;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /**
     * The request's key; when the booking made under it was cancelled in the meantime (booked, cancelled, booked
     * again in one call), the next free variant of it.
     */
    private String currentKey(BookingRequest request) {
        String key = requestKey(request.retellCallId(), request.service().id(),
                request.staff() == null ? null : request.staff().id(), request.start());
        for (int round = 0; round < 10; round++) {
            Optional<Appointment> earlier = appointments.findByIdempotencyKey(request.company().id(), key);
            if (earlier.isEmpty() || earlier.get().status().upcoming()) {
                return key;
            }
            key = requestKey(request.retellCallId(), request.service().id(),
                    request.staff() == null ? null : request.staff().id(), request.start()) + ":" + earlier.get().id();
        }
        return key;
    }

    private BookingOutcome bookClaimed(BookingRequest request, String key) {
        long companyId = request.company().id();
        Optional<Appointment> done = appointments.findByIdempotencyKey(companyId, key);
        if (done.isPresent()) {
            return new Booked(done.get(), staffName(request, done.get().staffId()), true);
        }
        Optional<IdempotencyRecord> other = claims.tryBegin(key, companyId, CLAIM_FUNCTION);
        if (other.isPresent()) {
            return appointments.findByIdempotencyKey(companyId, key)
                    .<BookingOutcome>map(a -> new Booked(a, staffName(request, a.staffId()), true))
                    .orElseGet(InProgress::new);
        }
        BookingOutcome outcome;
        try {
            outcome = attempt(request, key);
        } catch (RuntimeException e) {
            claims.delete(key, companyId);
            throw e;
        }
        if (outcome instanceof Booked booked) {
            claims.complete(key, companyId, "{\"appointmentId\":" + booked.appointment().id() + "}");
        } else {
            claims.delete(key, companyId);
        }
        return outcome;
    }

    private BookingOutcome attempt(BookingRequest request, String key) {
        CalendarRef calendar = request.calendar();
        // the booking fields decide whether an email is required; unknown (Cal.com not answering) means "assume so"
        EventType eventType = eventTypes.get(calendar);
        AttendeeFactory.Result attendee = AttendeeFactory.attendee(request.customerName(), request.phone(),
                request.email(), request.zone(), request.company().language(),
                eventType == null || eventType.requiresEmail(), eventType != null && eventType.requiresPhone(),
                properties.placeholderEmailDomain());
        if (attendee instanceof AttendeeFactory.Incomplete incomplete) {
            return new MissingContact(incomplete.missing().name().toLowerCase());
        }
        if (sentBefore(key, request.company().id())) {
            try {
                Optional<Booking> ours = findOurs(request, key);
                if (ours.isPresent()) {
                    log.info("booking {} of call {} was made by an earlier attempt", ours.get().uid(),
                            request.retellCallId());
                    return record(request, key, ours.get());
                }
            } catch (CalcomException e) {
                return new Unavailable("lookup: " + e.getMessage());
            }
        }
        CreateBooking create = CreateBooking.of(calendar.eventTypeRef(), request.start(),
                ((AttendeeFactory.Ready) attendee).attendee(), key);
        if (request.reservationUid() != null) {
            create = create.withReservedSlotUid(request.reservationUid());
        }
        if (request.notes() != null) {
            create = create.withBookingFieldsResponses(Map.of("notes", request.notes()));
        }
        try {
            return record(request, key, calcom.createBooking(calendar.account(), create));
        } catch (CalcomException.SlotUnavailable taken) {
            // not our own earlier booking: none was sent before under this key, or the lookup above found none;
            // the caller's alternatives are read from Cal.com again for this calendar and day
            log.info("slot {} of call {} not bookable: {}", request.start(), request.retellCallId(), taken.reason());
            if (request.staff() != null && request.staff().calcomUsername() != null) {
                // the staff member the caller asked for is busy then, whatever we knew
                tellAvailability(request, BusyChange.booked(request.company().id(), request.start(),
                        request.start().plus(Duration.ofMinutes(request.service().durationMinutes())), request.zone(),
                        calendar.eventTypeId(), request.staff().calcomUsername()));
            }
            return new SlotTaken(taken.reason());
        } catch (CalcomException.Unavailable | CalcomException.RateLimited e) {
            // a timeout or a broken answer may hide a booking Cal.com made; a refusal before sending cannot
            if (e instanceof CalcomException.Unavailable unavailable
                    && unavailable.kind() != CalcomException.Unavailable.Kind.SHORT_CIRCUITED) {
                Optional<Booking> ours = findOursQuietly(request, key);
                if (ours.isPresent()) {
                    return record(request, key, ours.get());
                }
            }
            log.warn("booking for call {} failed, Cal.com unavailable: {}", request.retellCallId(), e.getMessage());
            return new Unavailable(e.getMessage());
        } catch (CalcomException.Unauthorized e) {
            log.error("booking for call {}: Cal.com refuses the company's API key: {}", request.retellCallId(),
                    e.getMessage());
            return new Unavailable(e.getMessage());
        } catch (CalcomException.BadRequest | CalcomException.NotFound e) {
            log.warn("booking for call {} rejected by Cal.com: {}", request.retellCallId(), e.getMessage());
            return new Rejected(e.getMessage());
        }
    }

    /**
     * Marks that a create request for this key is about to leave; true when one may have left before (then
     * Cal.com may hold a booking of ours that we never recorded).
     */
    private boolean sentBefore(String key, long companyId) {
        String sentKey = key + ":sent";
        Optional<IdempotencyRecord> earlier = claims.tryBegin(sentKey, companyId, SENT_FUNCTION);
        if (earlier.isEmpty()) {
            claims.complete(sentKey, companyId, "{}");
            return false;
        }
        return true;
    }

    private Optional<Booking> findOurs(BookingRequest request, String key) {
        CalendarRef calendar = request.calendar();
        Instant end = request.start().plus(Duration.ofMinutes(calendar.durationMinutes()));
        BookingFilter filter = BookingFilter.none()
                .withAttendeeName(request.customerName())
                .withEventTypeIds(calendar.eventTypeId())
                .withinWindow(request.start().minus(LOOKUP_SLACK), end.plus(LOOKUP_SLACK));
        return calcom.listBookings(calendar.account(), filter).bookings().stream()
                .filter(booking -> key.equals(booking.slotlineRequestId()))
                .filter(booking -> booking.status() != BookingStatus.CANCELLED
                        && booking.status() != BookingStatus.REJECTED)
                .findFirst();
    }

    private Optional<Booking> findOursQuietly(BookingRequest request, String key) {
        try {
            return findOurs(request, key);
        } catch (CalcomException e) {
            log.warn("could not look up booking {} of call {}: {}", key, request.retellCallId(), e.getMessage());
            return Optional.empty();
        }
    }

    private Booked record(BookingRequest request, String key, Booking booking) {
        long companyId = request.company().id();
        Long customerId = null;
        if (request.phone() != null) {
            customerId = customers.upsertByPhone(companyId, request.phone(), request.customerName(), request.email())
                    .id();
        }
        Staff staff = request.staff() != null ? request.staff() : assignedStaff(request, booking);
        AppointmentStatus status = booking.status() == BookingStatus.PENDING
                || booking.status() == BookingStatus.AWAITING_HOST ? AppointmentStatus.PENDING : AppointmentStatus.BOOKED;
        Appointments.Saved saved = appointments.insert(new NewAppointment(companyId, request.branchId(),
                request.service().id(), staff == null ? null : staff.id(), customerId, request.callId(),
                booking.start(), booking.end(), booking.uid(), status, AppointmentSource.PHONE, key, request.notes()));
        if (request.reservationUid() != null) {
            holds.markBooked(companyId, request.reservationUid());
        }
        holds.releaseOthers(request.calendar(), request.zone(), request.retellCallId(), request.reservationUid());
        tellAvailability(request, booking);
        return new Booked(saved.appointment(), staff == null ? null : staff.name(), !saved.created());
    }

    /** The staff member Cal.com gave an any-host booking to, when we know them by their Cal.com username. */
    private @Nullable Staff assignedStaff(BookingRequest request, Booking booking) {
        for (Host host : booking.hosts()) {
            if (host.username() == null) {
                continue;
            }
            for (Staff staff : tenants.staffForService(request.company().id(), request.service().id())) {
                if (host.username().equals(staff.calcomUsername())) {
                    return staff;
                }
            }
        }
        return null;
    }

    private @Nullable String staffName(BookingRequest request, @Nullable Long staffId) {
        if (staffId == null) {
            return null;
        }
        return tenants.staffForService(request.company().id(), request.service().id()).stream()
                .filter(staff -> staff.id() == staffId)
                .map(Staff::name)
                .findFirst()
                .orElse(null);
    }

    /** The booked host's time is busy now: the cache takes the slot out instead of forgetting the day. */
    private void tellAvailability(BookingRequest request, Booking booking) {
        tellAvailability(request, BusyChange.booked(request.company().id(), booking.start(), booking.end(),
                request.zone(), request.calendar().eventTypeId(), booking.hostUsername()));
    }

    private void tellAvailability(BookingRequest request, BusyChange change) {
        try {
            AvailabilityService service = availability.getIfAvailable();
            if (service != null) {
                service.apply(change, InvalidationSource.OWN_BOOKING);
            }
        } catch (RuntimeException e) {
            log.warn("could not update availability of {} after {}", request.company().slug(), change, e);
        }
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
