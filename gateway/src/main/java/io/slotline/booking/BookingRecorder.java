package io.slotline.booking;

import io.slotline.appointments.AppointmentSource;
import io.slotline.appointments.AppointmentStatus;
import io.slotline.appointments.Appointments;
import io.slotline.appointments.NewAppointment;
import io.slotline.availability.AvailabilityService;
import io.slotline.availability.BusyChange;
import io.slotline.availability.InvalidationSource;
import io.slotline.calcom.Booking;
import io.slotline.calcom.BookingStatus;
import io.slotline.calcom.Host;
import io.slotline.calls.CallbackRequests;
import io.slotline.customers.Customers;
import io.slotline.tenancy.Staff;
import io.slotline.tenancy.TenantDirectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Records what became of a booking attempt and tells whoever waits on it: the appointment (with its customer) of a
 * booking Cal.com made, the attempt settled either way, the outcome noted on the callback request a caller was
 * promised, the call's holds marked or released, and availability told that the host's time is busy now.
 */
@Component
class BookingRecorder {

    private static final Logger log = LoggerFactory.getLogger(BookingRecorder.class);

    private final Appointments appointments;
    private final Customers customers;
    private final BookingAttempts attempts;
    private final CallbackRequests callbacks;
    private final SlotHoldService holds;
    private final ObjectProvider<AvailabilityService> availability;
    private final TenantDirectory tenants;

    BookingRecorder(
            Appointments appointments,
            Customers customers,
            BookingAttempts attempts,
            CallbackRequests callbacks,
            SlotHoldService holds,
            ObjectProvider<AvailabilityService> availability,
            TenantDirectory tenants) {
        this.appointments = appointments;
        this.customers = customers;
        this.attempts = attempts;
        this.callbacks = callbacks;
        this.holds = holds;
        this.availability = availability;
        this.tenants = tenants;
    }

    /** Cal.com made {@code booking} under {@code key}: the appointment of it, recorded once. */
    BookingService.Booked record(BookingService.BookingRequest request, String key, Booking booking) {
        long companyId = request.company().id();
        Long customerId = customerId(request);
        Staff staff = request.staff() != null ? request.staff() : assignedStaff(request, booking);
        AppointmentStatus status =
                booking.status() == BookingStatus.PENDING || booking.status() == BookingStatus.AWAITING_HOST
                        ? AppointmentStatus.PENDING
                        : AppointmentStatus.BOOKED;
        Appointments.Saved saved = appointments.insert(new NewAppointment(
                companyId,
                request.branchId(),
                request.service().id(),
                staff == null ? null : staff.id(),
                customerId,
                request.callId(),
                booking.start(),
                booking.end(),
                booking.uid(),
                status,
                AppointmentSource.PHONE,
                key,
                request.notes()));
        if (request.holdId() != null) {
            holds.markBooked(companyId, request.holdId());
        }
        holds.releaseOthers(
                request.calendar().account(), request.zone(), request.retellCallId(), companyId, request.holdId());
        tellAvailability(request, booking);
        settleBooked(request, key, saved);
        return new BookingService.Booked(saved.appointment(), staff == null ? null : staff.name(), !saved.created());
    }

    /** The caller's customer record (kept by phone), when a phone number is known. */
    @Nullable Long customerId(BookingService.BookingRequest request) {
        if (request.phone() == null) {
            return null;
        }
        return customers
                .upsertByPhone(request.company().id(), request.phone(), request.customerName(), request.email())
                .id();
    }

    /** The attempt is booked as {@code saved}: settled, and the outcome noted on its callback request. */
    void settleBooked(BookingService.BookingRequest request, String key, Appointments.Saved saved) {
        attempts.settleBooked(key, saved.appointment().id())
                .ifPresent(settled -> noteCallback(
                        settled,
                        saved.appointment().id(),
                        BookingTexts.bookedText(request.company().language(), saved.appointment())));
    }

    /** Nothing was booked: the attempt is settled so, and the outcome noted on its callback request. */
    void settleNotBooked(BookingService.BookingRequest request, String key, String why) {
        attempts.settleNotBooked(key)
                .ifPresent(settled -> noteCallback(
                        settled,
                        null,
                        BookingTexts.notBookedText(request.company().language(), why)));
    }

    void noteCallback(BookingAttempt settled, @Nullable Long appointmentId, String outcome) {
        if (settled.callbackRequestId() == null) {
            return;
        }
        try {
            callbacks.noteOutcome(settled.companyId(), settled.callbackRequestId(), appointmentId, outcome);
        } catch (RuntimeException e) {
            log.warn("could not note the outcome on callback request {}", settled.callbackRequestId(), e);
        }
    }

    /** The staff member Cal.com gave an any-host booking to, when we know them by their Cal.com username. */
    private @Nullable Staff assignedStaff(BookingService.BookingRequest request, Booking booking) {
        for (Host host : booking.hosts()) {
            if (host.username() == null) {
                continue;
            }
            for (Staff staff : tenants.staffForService(
                    request.company().id(), request.service().id())) {
                if (host.username().equals(staff.calcomUsername())) {
                    return staff;
                }
            }
        }
        return null;
    }

    @Nullable String staffName(BookingService.BookingRequest request, @Nullable Long staffId) {
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
    private void tellAvailability(BookingService.BookingRequest request, Booking booking) {
        tellAvailability(
                request,
                BusyChange.booked(
                        request.company().id(),
                        booking.start(),
                        booking.end(),
                        request.zone(),
                        request.calendar().eventTypeId(),
                        booking.hostUsername()));
    }

    void tellAvailability(BookingService.BookingRequest request, BusyChange change) {
        try {
            AvailabilityService service = availability.getIfAvailable();
            if (service != null) {
                service.apply(change, InvalidationSource.OWN_BOOKING);
            }
        } catch (RuntimeException e) {
            log.warn(
                    "could not update availability of {} after {}",
                    request.company().slug(),
                    change,
                    e);
        }
    }
}
