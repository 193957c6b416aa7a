package io.slotline.appointments;

import io.slotline.calcom.Booking;
import io.slotline.calcom.BookingStatus;
import io.slotline.calcom.CalcomAccount;
import io.slotline.calcom.CalcomApi;
import io.slotline.calcom.CalcomException;
import io.slotline.calcom.Host;
import io.slotline.tenancy.Company;
import io.slotline.tenancy.Staff;
import io.slotline.tenancy.TenantDirectory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Cancels and moves appointments in Cal.com and keeps our records following it: a cancel marks the row cancelled
 * with its reason, a move (Cal.com answers with a new booking and uid) replaces the row and keeps the chain. Cached
 * availability learns of it by the events published afterwards ({@link AppointmentCancelled},
 * {@link AppointmentMoved}, {@link AppointmentDaysChanged}). Policy checks happen before, in the caller
 * ({@link ChangePolicy}); this class only acts.
 *
 * <p>When Cal.com refuses because the booking changed behind our back (cancelled or moved on the web, or our first
 * attempt succeeded but its answer was lost), the booking is read back and our row brought in line.
 *
 * <p>Cal.com being unreachable is not handled here: {@link CalcomException.Unavailable} and
 * {@link CalcomException.RateLimited} propagate, nothing was recorded, and a retry tries again.
 */
@Service
public class AppointmentChanges {

    private static final Logger log = LoggerFactory.getLogger(AppointmentChanges.class);

    private final CalcomApi calcom;
    private final Appointments appointments;
    private final TenantDirectory tenants;
    private final ApplicationEventPublisher events;
    private final AppointmentSteps steps;

    AppointmentChanges(
            CalcomApi calcom,
            Appointments appointments,
            TenantDirectory tenants,
            ApplicationEventPublisher events,
            AppointmentSteps steps) {
        this.steps = steps;
        this.calcom = calcom;
        this.appointments = appointments;
        this.tenants = tenants;
        this.events = events;
    }

    public sealed interface CancelOutcome permits Cancelled, CancelRefused {}

    /** @param alreadyCancelled Cal.com had it cancelled before this request (web, an earlier attempt) */
    public record Cancelled(Appointment appointment, boolean alreadyCancelled) implements CancelOutcome {}

    /** Cal.com said no, for a reason other than "already cancelled"; {@code detail} is its message. */
    public record CancelRefused(String detail) implements CancelOutcome {}

    public sealed interface RescheduleOutcome
            permits Rescheduled, NewTimeUnavailable, NoLongerActive, RescheduleRefused {}

    public record Rescheduled(Appointment previous, Appointment replacement) implements RescheduleOutcome {}

    /** The new time can't be booked (taken, held by someone, too soon or too far ahead, past). */
    public record NewTimeUnavailable(CalcomException.SlotUnavailable.Reason reason) implements RescheduleOutcome {}

    /** Cal.com has the booking cancelled: our row now says so too, there is nothing to move. */
    public record NoLongerActive(Appointment appointment) implements RescheduleOutcome {}

    public record RescheduleRefused(String detail) implements RescheduleOutcome {}

    /** The tenant's Cal.com credentials; a company without a key can't change anything. */
    public CalcomAccount account(Company company) {
        String key = tenants.calcomApiKey(company.id())
                .orElseThrow(() -> new CalcomException.Unauthorized(
                        CalcomException.Origin.of(company.slug(), "bookings"), "no Cal.com API key configured"));
        return new CalcomAccount(company.slug(), key);
    }

    /**
     * What the salon reads in Cal.com when the caller gave no reason: Cal.com requires one by default when the key's
     * user hosts the booking ("Cancellation reason is required"), so a cancel never goes without.
     */
    static String noReasonGiven(Company company) {
        return switch (company.language()) {
            case DE -> "Vom Anrufer telefonisch abgesagt (kein Grund genannt)";
            case EN -> "Cancelled by the caller on the phone (no reason given)";
        };
    }

    public CancelOutcome cancel(Company company, ZoneId zone, Appointment appointment, @Nullable String reason) {
        requireSameCompany(company, appointment);
        List<AppointmentSteps.Step> booked = steps.of(company.id(), appointment.id());
        if (!booked.isEmpty()) {
            return cancelSteps(company, zone, appointment, booked, reason);
        }
        String uid = appointment.calcomBookingUid();
        // without a Cal.com booking (entered by hand) the appointment is only ours to cancel
        if (uid != null) {
            CalcomAccount account = account(company);
            try {
                calcom.cancel(account, uid, reason != null && !reason.isBlank() ? reason : noReasonGiven(company));
            } catch (CalcomException.BadRequest | CalcomException.NotFound | CalcomException.SlotUnavailable e) {
                Optional<Booking> current = readBack(account, uid);
                if (current.isEmpty() || current.get().status() != BookingStatus.CANCELLED) {
                    log.info(
                            "Cal.com refused to cancel booking {} of company {}: {}",
                            uid,
                            company.slug(),
                            e.getMessage());
                    return new CancelRefused(e.getMessage());
                }
                String why = current.get().cancellationReason() != null
                        ? current.get().cancellationReason()
                        : reason;
                appointments.markCancelled(company.id(), appointment.id(), why);
                freed(company, zone, appointment);
                return new Cancelled(reread(appointment), true);
            }
        }
        appointments.markCancelled(company.id(), appointment.id(), reason);
        freed(company, zone, appointment);
        return new Cancelled(reread(appointment), false);
    }

    /**
     * An appointment in steps is cancelled whole: every step's booking in Cal.com, then our record. The steps are
     * marked as being cancelled by us first, so Cal.com's webhooks about them are known as our own echo. A step
     * Cal.com refuses to cancel (and has not cancelled) leaves the appointment booked, the others cancelled: a
     * retry cancels the rest; the appointment is marked for a person's attention meanwhile.
     */
    private CancelOutcome cancelSteps(
            Company company,
            ZoneId zone,
            Appointment appointment,
            List<AppointmentSteps.Step> booked,
            @Nullable String reason) {
        CalcomAccount account = account(company);
        String why = reason != null && !reason.isBlank() ? reason : noReasonGiven(company);
        steps.markCancelling(company.id(), appointment.id());
        boolean before = true;
        String refused = null;
        for (AppointmentSteps.Step step : booked) {
            if (step.cancelled()) {
                continue;
            }
            try {
                calcom.cancel(account, step.calcomBookingUid(), why);
                before = false;
            } catch (CalcomException.BadRequest | CalcomException.NotFound | CalcomException.SlotUnavailable e) {
                Optional<Booking> current = readBack(account, step.calcomBookingUid());
                if (current.isEmpty() || current.get().status() != BookingStatus.CANCELLED) {
                    log.info(
                            "Cal.com refused to cancel step {} ({}) of appointment {}: {}",
                            step.step(),
                            step.calcomBookingUid(),
                            appointment.id(),
                            e.getMessage());
                    refused = e.getMessage();
                    continue;
                }
            } catch (CalcomException e) {
                steps.cancellingFailed(company.id(), appointment.id());
                throw e;
            }
            steps.markCancelled(company.id(), appointment.id(), step.step());
            freedStep(company, zone, appointment, step);
        }
        if (refused != null) {
            steps.cancellingFailed(company.id(), appointment.id());
            steps.markAttention(
                    company.id(), appointment.id(), "not every step could be cancelled in Cal.com: " + refused);
            return new CancelRefused(refused);
        }
        appointments.markCancelled(company.id(), appointment.id(), reason);
        return new Cancelled(reread(appointment), before);
    }

    /** Cancels the bookings of an appointment's steps in Cal.com (it moved); our rows say it was us. */
    public boolean cancelStepsOf(Company company, ZoneId zone, Appointment appointment, String reason) {
        List<AppointmentSteps.Step> booked = steps.of(company.id(), appointment.id());
        steps.markCancelling(company.id(), appointment.id());
        CalcomAccount account = account(company);
        boolean all = true;
        for (AppointmentSteps.Step step : booked) {
            if (step.cancelled()) {
                continue;
            }
            try {
                calcom.cancel(account, step.calcomBookingUid(), reason);
            } catch (CalcomException e) {
                Optional<Booking> current = readBack(account, step.calcomBookingUid());
                if (current.isEmpty() || current.get().status() != BookingStatus.CANCELLED) {
                    log.warn(
                            "could not cancel step {} ({}) of moved appointment {}: {}",
                            step.step(),
                            step.calcomBookingUid(),
                            appointment.id(),
                            e.getMessage());
                    all = false;
                    continue;
                }
            }
            steps.markCancelled(company.id(), appointment.id(), step.step());
            freedStep(company, zone, appointment, step);
        }
        return all;
    }

    private void freedStep(Company company, ZoneId zone, Appointment appointment, AppointmentSteps.Step step) {
        String host = tenants.calcomUsername(company.id(), appointment.branchId(), step.staffId())
                .orElse(null);
        Long eventTypeId = appointment.serviceId() == null
                ? null
                : tenants.activeService(company.id(), appointment.serviceId())
                        .filter(s -> step.step() < s.steps().size())
                        .map(s -> s.steps().get(step.step()).calcomEventTypeId())
                        .orElse(null);
        events.publishEvent(new AppointmentCancelled(
                company.id(), step.startsAt(), step.endsAt(), zone, eventTypeId, host, AppointmentSource.PHONE));
    }

    /**
     * @param callId         the call that moved it, recorded on the replacement
     * @param idempotencyKey the replacement row's key: a repeat returns the first replacement
     */
    public RescheduleOutcome reschedule(
            Company company,
            ZoneId zone,
            Appointment appointment,
            Instant newStart,
            @Nullable String reason,
            @Nullable Long callId,
            String idempotencyKey) {
        requireSameCompany(company, appointment);
        String uid = appointment.calcomBookingUid();
        if (uid == null) {
            return new RescheduleRefused("appointment " + appointment.id() + " has no Cal.com booking");
        }
        CalcomAccount account = account(company);
        Booking moved;
        try {
            moved = calcom.reschedule(account, uid, newStart, reason);
        } catch (CalcomException.SlotUnavailable e) {
            // what we believed free was not: let the next availability question ask Cal.com again
            forget(company, zone, newStart);
            return new NewTimeUnavailable(e.reason());
        } catch (CalcomException.BadRequest | CalcomException.NotFound e) {
            Optional<Booking> current = readBack(account, uid);
            if (current.isPresent() && current.get().rescheduledToUid() != null) {
                Optional<Booking> successor = readBack(account, current.get().rescheduledToUid());
                if (successor.isPresent() && successor.get().start().equals(newStart)) {
                    // an earlier attempt did move it; only its answer was lost
                    moved = successor.get();
                } else {
                    return new RescheduleRefused(e.getMessage());
                }
            } else if (current.isPresent() && current.get().status() == BookingStatus.CANCELLED) {
                appointments.markCancelled(
                        company.id(), appointment.id(), current.get().cancellationReason());
                return new NoLongerActive(reread(appointment));
            } else {
                log.info("Cal.com refused to move booking {} of company {}: {}", uid, company.slug(), e.getMessage());
                return new RescheduleRefused(e.getMessage());
            }
        }
        NewAppointment replacement = new NewAppointment(
                company.id(),
                appointment.branchId(),
                appointment.serviceId(),
                staffOf(company, appointment, moved),
                appointment.customerId(),
                callId,
                moved.start(),
                moved.end(),
                moved.uid(),
                statusOf(moved.status()),
                AppointmentSource.PHONE,
                idempotencyKey,
                appointment.notes());
        Appointment recorded;
        try {
            recorded = appointments
                    .insertRescheduled(company.id(), appointment.id(), replacement)
                    .appointment();
        } catch (IllegalStateException e) {
            // Cal.com's webhook recorded the move first and the old row is no longer upcoming: Cal.com has moved
            // it, so the caller hears that; the webhook's row is the record
            String newUid = moved.uid();
            recorded = appointments.findByBookingUid(company.id(), newUid).orElseThrow(() -> e);
        }
        events.publishEvent(new AppointmentMoved(
                company.id(),
                appointment.startsAt(),
                appointment.endsAt(),
                hostOf(company, appointment),
                moved.start(),
                moved.end(),
                moved.hostUsername(),
                zone,
                eventTypeOf(company, appointment),
                AppointmentSource.PHONE));
        return new Rescheduled(reread(appointment), recorded);
    }

    private Optional<Booking> readBack(CalcomAccount account, String uid) {
        try {
            return Optional.of(calcom.getBooking(account, uid));
        } catch (CalcomException.NotFound | CalcomException.BadRequest e) {
            return Optional.empty();
        }
    }

    /** The host Cal.com assigned to the new time may differ from the old one (team event types). */
    private @Nullable Long staffOf(Company company, Appointment appointment, Booking moved) {
        if (appointment.branchId() != null) {
            for (Host host : moved.hosts()) {
                if (host.username() == null) {
                    continue;
                }
                for (Staff staff : tenants.staff(company.id(), appointment.branchId())) {
                    if (host.username().equals(staff.calcomUsername())) {
                        return staff.id();
                    }
                }
            }
        }
        return appointment.staffId();
    }

    private static AppointmentStatus statusOf(BookingStatus status) {
        return switch (status) {
            case PENDING, AWAITING_HOST -> AppointmentStatus.PENDING;
            case REJECTED -> AppointmentStatus.REJECTED;
            case CANCELLED -> AppointmentStatus.CANCELLED;
            case ACCEPTED, UNKNOWN -> AppointmentStatus.BOOKED;
        };
    }

    private void freed(Company company, ZoneId zone, Appointment appointment) {
        events.publishEvent(new AppointmentCancelled(
                company.id(),
                appointment.startsAt(),
                appointment.endsAt(),
                zone,
                eventTypeOf(company, appointment),
                hostOf(company, appointment),
                AppointmentSource.PHONE));
    }

    /** The cache tells of a free time Cal.com just refused: every calendar of the company forgets that day. */
    private void forget(Company company, ZoneId zone, Instant start) {
        LocalDate day = start.atZone(zone).toLocalDate();
        events.publishEvent(new AppointmentDaysChanged(company.id(), day, day, AppointmentSource.PHONE));
    }

    private @Nullable Long eventTypeOf(Company company, Appointment appointment) {
        Long serviceId = appointment.serviceId();
        if (serviceId == null) {
            return null;
        }
        return tenants.activeService(company.id(), serviceId)
                .map(io.slotline.tenancy.Service::calcomEventTypeId)
                .orElse(null);
    }

    private @Nullable String hostOf(Company company, Appointment appointment) {
        return tenants.calcomUsername(company.id(), appointment.branchId(), appointment.staffId())
                .orElse(null);
    }

    private Appointment reread(Appointment appointment) {
        return appointments.findById(appointment.companyId(), appointment.id()).orElse(appointment);
    }

    private static void requireSameCompany(Company company, Appointment appointment) {
        if (appointment.companyId() != company.id()) {
            throw new IllegalArgumentException("appointment " + appointment.id() + " belongs to another company");
        }
    }
}
