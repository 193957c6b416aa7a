package io.slotline.functions;

import io.slotline.appointments.Appointment;
import io.slotline.appointments.AppointmentStatus;
import io.slotline.appointments.Appointments;
import io.slotline.calls.CallbackRequests;
import io.slotline.calls.NewCallbackRequest;
import io.slotline.customers.Customer;
import io.slotline.customers.Customers;
import io.slotline.speech.DateTimeRequest;
import io.slotline.speech.MessageKey;
import io.slotline.speech.Messages;
import io.slotline.speech.ParseResult;
import io.slotline.speech.SpeechText;
import io.slotline.speech.TimeExpressions;
import io.slotline.speech.TimeWindow;
import io.slotline.speech.ZonedTimes;
import io.slotline.tenancy.ChangeVerification;
import io.slotline.tenancy.PhoneNumber;
import io.slotline.tenancy.TenantDirectory;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Which of the caller's appointments a cancel or move means. A caller is found by phone number within the company;
 * anyone else passes the company's {@link ChangeVerification} or gets a callback request. Nothing outside the call's
 * company is ever read. How an appointment is spoken about is {@link AppointmentSpeech}'s.
 */
@Component
class CallerAppointments {

    /** What the caller said to point at an appointment; any of it may be missing. */
    record Selector(
            @Nullable String date,
            @Nullable String time,
            @Nullable Long appointmentId,
            @Nullable String customerName,
            @Nullable String bookedPhone) {}

    sealed interface Lookup permits Target, Ask, ChangedAlready {}

    /** Exactly one upcoming appointment fits. */
    record Target(Appointment appointment) implements Lookup {}

    /** Ask back (which one, which day, who) or say nothing was found (offering a callback). */
    record Ask(FunctionResult answer) implements Lookup {}

    /**
     * What the caller points at was cancelled or moved already (a re-issued request, or a change on the web).
     *
     * @param current where a moved appointment is now; null when cancelled or the chain ends elsewhere
     */
    record ChangedAlready(Appointment appointment, @Nullable Appointment current) implements Lookup {}

    private static final Set<String> TITLES = Set.of("herr", "frau", "hr", "fr", "mr", "mrs", "ms", "miss", "dr");

    private final Appointments appointments;
    private final Customers customers;
    private final TenantDirectory tenants;
    private final CallbackRequests callbacks;
    private final SpokenWhen when;
    private final AppointmentSpeech speech;

    CallerAppointments(
            Appointments appointments,
            Customers customers,
            TenantDirectory tenants,
            CallbackRequests callbacks,
            SpokenWhen when,
            AppointmentSpeech speech) {
        this.appointments = appointments;
        this.customers = customers;
        this.tenants = tenants;
        this.callbacks = callbacks;
        this.when = when;
        this.speech = speech;
    }

    /** The caller's upcoming appointments, soonest first; empty for anonymous or unknown callers. */
    List<Appointment> upcoming(CallContext context) {
        Customer customer = context.customer();
        if (context.callerNumber() == null || customer == null) {
            return List.of();
        }
        return appointments.upcomingForCustomer(context.companyId(), customer.id(), context.receivedAt());
    }

    /**
     * The caller's own appointments (booked under the number they call from) are theirs to change. Anyone else
     * (a withheld number, another phone, a number with no appointments) must pass the company's {@link
     * ChangeVerification}; whoever does not gets their wish recorded as a callback request for the team, never the
     * change. The answers never tell whether an appointment exists under a name or number that did not verify.
     *
     * @param callbackPhone a number to call back that a caller gave
     * @param wish          what the caller wanted, for the person calling back
     */
    Lookup find(CallContext context, Selector selector, @Nullable String callbackPhone, String wish) {
        Resolution<AppointmentFilter> parsed = filter(context, selector.date(), selector.time());
        if (parsed instanceof Resolution.Ask<AppointmentFilter> ask) {
            return new Ask(ask.answer());
        }
        AppointmentFilter filter = ((Resolution.Found<AppointmentFilter>) parsed).value();
        Customer customer = context.customer();
        String name = blankToNull(selector.customerName());
        String bookedPhone = blankToNull(selector.bookedPhone());
        boolean otherNumber = bookedPhone != null
                && !Objects.equals(e164(context, bookedPhone).orElse(null), context.callerNumber());
        if (context.callerNumber() != null && customer != null && !otherNumber) {
            List<Appointment> upcoming = upcoming(context);
            if (!upcoming.isEmpty() || name == null) {
                return select(context, upcoming, filter, selector.appointmentId(), customer.id());
            }
        }
        if (context.callerNumber() != null && name == null && bookedPhone == null) {
            return new Ask(speech.notFound(context));
        }
        return verified(context, filter, selector, name, bookedPhone, callbackPhone, wish);
    }

    /** Someone else's appointment, or one not booked under the caller's number: the company's verification. */
    private Lookup verified(
            CallContext context,
            AppointmentFilter filter,
            Selector selector,
            @Nullable String name,
            @Nullable String bookedPhone,
            @Nullable String callbackPhone,
            String wish) {
        ChangeVerification policy = context.company().policies().changeVerification();
        if (policy == ChangeVerification.CALLBACK) {
            if (name == null) {
                return new Ask(FunctionResult.notOk(
                        Reason.IDENTIFICATION_REQUIRED,
                        Messages.render(
                                context.callerNumber() == null
                                        ? MessageKey.IDENTIFY_ANONYMOUS
                                        : MessageKey.CHANGE_NEEDS_NAME,
                                context.language()),
                        Map.of("needs", List.of("customer_name", "date"))));
            }
            return new Ask(callback(context, name, filter, bookedPhone, callbackPhone, wish));
        }
        if (name == null || bookedPhone == null) {
            List<String> needs = new ArrayList<>();
            if (name == null) {
                needs.add("customer_name");
            }
            if (bookedPhone == null) {
                needs.add("booked_phone");
            }
            return new Ask(FunctionResult.notOk(
                    Reason.VERIFICATION_REQUIRED,
                    Messages.render(MessageKey.VERIFY_BOOKED_PHONE, context.language()),
                    Map.of("needs", needs)));
        }
        Optional<Customer> owner = e164(context, bookedPhone)
                .flatMap(phone -> customers.findByPhone(context.companyId(), phone))
                .filter(found -> sameFullName(found.name(), name));
        List<Appointment> theirs = owner.map(found ->
                        appointments.upcomingForCustomer(context.companyId(), found.id(), context.receivedAt()))
                .orElse(List.of());
        if (theirs.isEmpty()) {
            // not verified, or verified with nothing to change: the same answer, so neither can be told apart
            return new Ask(callback(context, name, filter, bookedPhone, callbackPhone, wish));
        }
        return select(
                context, theirs, filter, selector.appointmentId(), owner.get().id());
    }

    /**
     * Records the wish for the team with what the caller said, to be called back on the number they gave or call
     * from; without either, asks for one.
     */
    private FunctionResult callback(
            CallContext context,
            String name,
            AppointmentFilter filter,
            @Nullable String bookedPhone,
            @Nullable String callbackPhone,
            String wish) {
        String phone = CallbackNumbers.normalise(callbackPhone);
        if (phone == null) {
            phone = context.callerNumber();
        }
        if (phone == null) {
            return FunctionResult.notOk(
                    Reason.NEEDS_PHONE,
                    Messages.render(MessageKey.CHANGE_CALLBACK_NEEDS_PHONE, context.language()),
                    Map.of("needs", List.of("phone")));
        }
        StringBuilder details = new StringBuilder(wish);
        if (!filter.isEmpty()) {
            details.append(" (").append(filter.described()).append(")");
        }
        if (bookedPhone != null) {
            details.append("; booked under / gebucht unter: ").append(truncate(bookedPhone, 40));
        }
        var request = callbacks.create(new NewCallbackRequest(
                context.companyId(),
                context.branch().id(),
                context.callId(),
                null,
                truncate(name, 200),
                phone,
                truncate(details.toString(), 2000),
                null));
        return FunctionResult.notOk(
                Reason.CALLBACK_RECORDED,
                Messages.render(MessageKey.CHANGE_CALLBACK_RECORDED, context.language()),
                Map.of("callback_id", request.id(), "callback_recorded", true));
    }

    /** A number as the caller says it, in E.164; national forms take the caller's or else the branch's country. */
    private Optional<String> e164(CallContext context, String spoken) {
        String reference = context.callerNumber();
        if (reference == null) {
            reference = tenants.allPhoneNumbers(context.companyId()).stream()
                    .filter(number -> number.branchId() == context.branch().id())
                    .map(PhoneNumber::e164)
                    .findFirst()
                    .orElse(null);
        }
        return PhoneInput.e164(spoken, reference);
    }

    /** The whole name as booked (titles, order, case and umlaut spellings aside): one matching word is not enough. */
    static boolean sameFullName(@Nullable String stored, String spoken) {
        List<String> booked = nameTokens(stored);
        List<String> said = nameTokens(spoken);
        return !booked.isEmpty()
                && booked.stream()
                        .sorted()
                        .toList()
                        .equals(said.stream().sorted().toList());
    }

    private Lookup select(
            CallContext context,
            List<Appointment> candidates,
            AppointmentFilter filter,
            @Nullable Long appointmentId,
            @Nullable Long customerId) {
        List<Appointment> matches = candidates.stream()
                .filter(a -> appointmentId == null || a.id() == appointmentId)
                .filter(a -> filter.matches(a, context))
                .toList();
        if (matches.size() == 1) {
            return new Target(matches.get(0));
        }
        if (matches.size() > 1) {
            return new Ask(FunctionResult.notOk(
                    Reason.WHICH_APPOINTMENT,
                    Messages.render(
                            MessageKey.WHICH_APPOINTMENT,
                            context.language(),
                            Map.of("appointments", speech.spokenList(context, matches, false))),
                    Map.of("appointments", speech.describeAll(context, matches))));
        }
        if (customerId != null) {
            Optional<ChangedAlready> changed = changedAlready(context, customerId, candidates, filter, appointmentId);
            if (changed.isPresent()) {
                return changed.get();
            }
        }
        if (candidates.isEmpty()) {
            return new Ask(speech.notFound(context));
        }
        Map<String, Object> data = Map.of("appointments", speech.describeAll(context, candidates));
        if (filter.isEmpty()) {
            return new Ask(FunctionResult.notOk(
                    Reason.NOT_FOUND,
                    Messages.render(
                            MessageKey.WHICH_OF_THESE,
                            context.language(),
                            Map.of("appointments", speech.spokenList(context, candidates, false))),
                    data));
        }
        return new Ask(FunctionResult.notOk(
                Reason.NOT_FOUND,
                Messages.render(
                        MessageKey.NO_APPOINTMENT_AT,
                        context.language(),
                        Map.of(
                                "when",
                                filter.spoken(context),
                                "appointments",
                                speech.spokenList(context, candidates, false))),
                data));
    }

    /**
     * The caller points (by id, or by day and time) at one of their appointments that is no longer upcoming
     * because it was cancelled or moved: a request re-issued after it succeeded must not pick another one.
     */
    private Optional<ChangedAlready> changedAlready(
            CallContext context,
            long customerId,
            List<Appointment> upcoming,
            AppointmentFilter filter,
            @Nullable Long appointmentId) {
        List<Appointment> pointedAt;
        if (appointmentId != null) {
            pointedAt = appointments.findById(context.companyId(), appointmentId).stream()
                    .toList();
        } else if (filter.date() != null) {
            pointedAt = appointments.between(
                    context.companyId(),
                    ZonedTimes.startOfDay(filter.date(), context.zone()),
                    ZonedTimes.startOfDay(filter.date().plusDays(1), context.zone()));
        } else {
            return Optional.empty();
        }
        return pointedAt.stream()
                .filter(a -> Objects.equals(a.customerId(), customerId))
                .filter(a -> a.status() == AppointmentStatus.CANCELLED || a.status() == AppointmentStatus.RESCHEDULED)
                .filter(a -> filter.matches(a, context))
                .filter(a -> a.startsAt().isAfter(context.receivedAt()) || a.status() == AppointmentStatus.RESCHEDULED)
                .max((a, b) -> a.updatedAt().compareTo(b.updatedAt()))
                .map(a -> new ChangedAlready(
                        a, a.status() == AppointmentStatus.RESCHEDULED ? successor(a, upcoming) : null));
    }

    private static @Nullable Appointment successor(Appointment moved, List<Appointment> upcoming) {
        Appointment current = moved;
        for (int hops = 0; hops < 20; hops++) {
            long from = current.id();
            Optional<Appointment> next = upcoming.stream()
                    .filter(a -> a.rescheduledFromId() != null && a.rescheduledFromId() == from)
                    .findFirst();
            if (next.isEmpty()) {
                break;
            }
            current = next.get();
        }
        return current == moved ? null : current;
    }

    static List<String> nameTokens(@Nullable String name) {
        if (name == null) {
            return List.of();
        }
        return Arrays.stream(SpeechText.fold(name).split("[^a-z]+"))
                .filter(token -> !token.isEmpty() && !TITLES.contains(token))
                .toList();
    }

    private Resolution<AppointmentFilter> filter(CallContext context, @Nullable String date, @Nullable String time) {
        String day = blankToNull(date);
        String clock = blankToNull(time);
        if (day != null) {
            Resolution<DateTimeRequest> resolved = when.resolve(context, day, clock);
            if (resolved instanceof Resolution.Ask<DateTimeRequest> ask) {
                return Resolution.ask(ask.answer());
            }
            DateTimeRequest request = ((Resolution.Found<DateTimeRequest>) resolved).value();
            return Resolution.found(new AppointmentFilter(
                    request.date(),
                    request.time().orElse(null),
                    request.window().orElse(null)));
        }
        if (clock == null) {
            return Resolution.found(AppointmentFilter.NONE);
        }
        if (TimeExpressions.parse(clock, context.language()) instanceof ParseResult.Parsed<LocalTime> at) {
            return Resolution.found(new AppointmentFilter(null, at.value(), null));
        }
        if (TimeWindow.parse(clock, context.language()) instanceof ParseResult.Parsed<TimeWindow> within) {
            return Resolution.found(new AppointmentFilter(null, null, within.value()));
        }
        return Resolution.ask(FunctionResult.notOk(
                Reason.INVALID_TIME,
                Messages.render(MessageKey.INVALID_TIME, context.language()),
                Map.of("detail", "unparseable_time")));
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    static String truncate(String text, int max) {
        String trimmed = text.trim();
        return trimmed.length() <= max ? trimmed : trimmed.substring(0, max);
    }
}
