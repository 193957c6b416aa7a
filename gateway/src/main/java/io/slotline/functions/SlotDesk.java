package io.slotline.functions;

import io.slotline.availability.Availability;
import io.slotline.availability.AvailabilityService;
import io.slotline.availability.CalendarRef;
import io.slotline.availability.CalendarUnavailableException;
import io.slotline.availability.FreeSlot;
import io.slotline.availability.InvalidationSource;
import io.slotline.availability.SlotRequest;
import io.slotline.booking.Alternatives;
import io.slotline.booking.BookingProperties;
import io.slotline.booking.Calendars;
import io.slotline.booking.SlotHoldService;
import io.slotline.calcom.CalcomException;
import io.slotline.speech.DateTimeRequest;
import io.slotline.speech.MessageKey;
import io.slotline.speech.Messages;
import io.slotline.speech.ServiceMatch;
import io.slotline.speech.ServiceMatcher;
import io.slotline.speech.SpokenTimes;
import io.slotline.tenancy.Service;
import io.slotline.tenancy.Staff;
import io.slotline.tenancy.TenantDirectory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the slot functions share: which service and staff member (and so which Cal.com calendar) the caller means,
 * availability fetched once per function for the whole range it needs, the booking window, and slots in the shape
 * the agent gets them ({@code date}, {@code time}, {@code start}, {@code spoken}).
 */
@Component
class SlotDesk {

    private static final Logger log = LoggerFactory.getLogger(SlotDesk.class);
    private static final Pattern ANYONE = Pattern.compile(
            "\\b(egal|beliebig|irgendwer|irgendjemand|anyone|anybody|any|whoever|either)\\b"
                    + "|keine? (präferenz|vorliebe|wunsch)|no preference|(doesn't|does not|don't) (matter|mind)"
                    + "|wer (gerade |zuerst )?frei",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final DateTimeFormatter WALL_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ServiceResolver services;
    private final TenantDirectory tenants;
    private final Calendars calendars;
    private final ObjectProvider<AvailabilityService> availability;
    private final SlotHoldService holds;
    private final CallMemory memory;
    private final BookingProperties properties;
    private final SpokenWhen when;

    SlotDesk(
            ServiceResolver services,
            TenantDirectory tenants,
            Calendars calendars,
            ObjectProvider<AvailabilityService> availability,
            SlotHoldService holds,
            CallMemory memory,
            BookingProperties properties,
            SpokenWhen when) {
        this.services = services;
        this.tenants = tenants;
        this.calendars = calendars;
        this.availability = availability;
        this.holds = holds;
        this.memory = memory;
        this.properties = properties;
        this.when = when;
    }

    /** A service, maybe one staff member, and the Cal.com calendar they are. */
    record Subject(Service service, @Nullable Staff staff, CalendarRef calendar) {
        @Nullable Long staffId() {
            return staff == null ? null : staff.id();
        }

        @Nullable String staffName() {
            return staff == null ? null : staff.name();
        }

        /** The answer data names the service, and the staff member only when the caller chose one. */
        void putInto(Map<String, Object> data) {
            data.put("service", service.name());
            if (staff != null) {
                data.put("staff", staff.name());
            }
        }
    }

    /** What a slot function is asked: the subject, and the day with the time or part of the day the caller named. */
    record Request(Subject subject, DateTimeRequest when) {}

    /** Looking at slots makes the service (and staff) the call's topic, which a later booking keeps. */
    Resolution<Subject> lookup(CallContext context, @Nullable String serviceArg, @Nullable String staffArg) {
        Resolution<Subject> resolved = subject(context, serviceArg, staffArg, false);
        if (resolved instanceof Resolution.Found<Subject> found) {
            remember(context, found.value());
        }
        return resolved;
    }

    /** As {@link #lookup(CallContext, String, String)}, with the day (and time) looked at. */
    Resolution<Request> lookup(
            CallContext context,
            @Nullable String serviceArg,
            @Nullable String staffArg,
            @Nullable String date,
            @Nullable String time) {
        return withWhen(context, lookup(context, serviceArg, staffArg), date, time, false);
    }

    /**
     * What to book: the call's topic is kept (see {@link #subject}). Not remembered here: the booking does that once
     * the caller's details are complete.
     */
    Resolution<Request> booking(
            CallContext context,
            @Nullable String serviceArg,
            @Nullable String staffArg,
            @Nullable String date,
            @Nullable String time) {
        return withWhen(context, subject(context, serviceArg, staffArg, true), date, time, true);
    }

    /**
     * The subject is settled first: asking which service comes before asking which day.
     *
     * @param exact for booking: a period or an approximate time is asked back
     */
    private Resolution<Request> withWhen(
            CallContext context,
            Resolution<Subject> subject,
            @Nullable String date,
            @Nullable String time,
            boolean exact) {
        if (subject instanceof Resolution.Ask<Subject> ask) {
            return Resolution.ask(ask.answer());
        }
        Resolution<DateTimeRequest> asked =
                exact ? when.resolveExact(context, date, time) : when.resolve(context, date, time);
        if (asked instanceof Resolution.Ask<DateTimeRequest> ask) {
            return Resolution.ask(ask.answer());
        }
        return Resolution.found(new Request(
                ((Resolution.Found<Subject>) subject).value(), ((Resolution.Found<DateTimeRequest>) asked).value()));
    }

    /** The answer for a day (and time) in the past or beyond the booking window; empty when it can be booked. */
    Optional<FunctionResult> notBookable(CallContext context, LocalDate date, @Nullable LocalTime time) {
        return when.pastAnswer(context, date, time).or(() -> outsideBookingWindow(context, date));
    }

    /** As {@link #notBookable(CallContext, LocalDate, LocalTime)}, saying what the caller may have meant instead. */
    Optional<FunctionResult> notBookable(CallContext context, DateTimeRequest request) {
        return when.pastAnswer(context, request).or(() -> outsideBookingWindow(context, request.date()));
    }

    /** A calendar that cannot be reached is something to tell the caller, not an error of the function. */
    FunctionResult unlessCalendarUnavailable(CallContext context, Supplier<FunctionResult> answer) {
        try {
            return answer.get();
        } catch (CalendarUnavailableException | CalcomException e) {
            return calendarUnavailable(context, e);
        }
    }

    /**
     * @param keepTopic for the booking: the service talked about in this call wins unless the caller clearly names
     *                  another one (its exact name or a synonym); fuzzy or unknown names keep the topic
     */
    private Resolution<Subject> subject(
            CallContext context, @Nullable String serviceArg, @Nullable String staffArg, boolean keepTopic) {
        boolean noService = serviceArg == null || serviceArg.isBlank();
        Optional<CallMemory.Topic> topic = noService || keepTopic ? topic(context) : Optional.empty();
        List<Service> offered = services.services(context);
        Optional<Service> remembered = topic.flatMap(
                t -> offered.stream().filter(s -> s.id() == t.serviceId()).findFirst());
        Service service;
        if (remembered.isPresent() && (noService || !clearlyAnother(serviceArg, offered, remembered.get()))) {
            service = remembered.get();
        } else {
            Resolution<Service> resolved = services.resolve(context, serviceArg);
            if (resolved instanceof Resolution.Ask<Service> ask) {
                return Resolution.ask(ask.answer());
            }
            service = ((Resolution.Found<Service>) resolved).value();
        }
        Staff staff;
        if (staffArg == null || staffArg.isBlank()) {
            staff = keepTopic
                    ? topic.filter(t -> t.serviceId() == service.id() && t.staffId() != null)
                            .flatMap(t -> staffFor(context, service).stream()
                                    .filter(s -> Objects.equals(s.id(), t.staffId()))
                                    .findFirst())
                            .orElse(null)
                    : null;
        } else if (ANYONE.matcher(staffArg).find()) {
            staff = null;
        } else {
            Resolution<Staff> resolved = staff(context, service, staffArg);
            if (resolved instanceof Resolution.Ask<Staff> ask) {
                return Resolution.ask(ask.answer());
            }
            staff = ((Resolution.Found<Staff>) resolved).value();
        }
        return Resolution.found(new Subject(service, staff, calendars.of(context.company(), service, staff)));
    }

    void remember(CallContext context, Subject subject) {
        memory.remember(context, subject.service().id(), subject.staffId());
    }

    /** Free slots of the whole range in one request, with a deadline a waiting caller can bear. */
    Availability freeSlots(CallContext context, CalendarRef calendar, LocalDate from, LocalDate to) {
        return availability().freeSlots(liveRequest(context, calendar, from, to));
    }

    /**
     * The same, for a caller asking about one time: the cache fetches that day again when it cannot vouch for the
     * time ({@code verify}: whatever it holds).
     */
    Availability freeSlotsAt(
            CallContext context, CalendarRef calendar, LocalDate from, LocalDate to, Instant start, boolean verify) {
        return availability().freeSlots(liveRequest(context, calendar, from, to).focusedOn(start, verify));
    }

    private SlotRequest liveRequest(CallContext context, CalendarRef calendar, LocalDate from, LocalDate to) {
        return new SlotRequest(
                calendar,
                context.zone(),
                from,
                to,
                SlotRequest.Priority.LIVE,
                context.receivedAt().plus(properties.liveDeadline()));
    }

    /** What memory holds for the calendar's days, without asking Cal.com; empty when some day is missing. */
    Optional<Availability> peek(CallContext context, CalendarRef calendar, LocalDate from, LocalDate to) {
        return availability().peek(liveRequest(context, calendar, from, to));
    }

    /** After Cal.com contradicted what we knew (a "free" slot was not): forget that day. */
    void invalidateDay(CallContext context, LocalDate day) {
        try {
            AvailabilityService service = availability.getIfAvailable();
            if (service != null) {
                service.invalidateCompany(context.companyId(), day, day, InvalidationSource.OWN_BOOKING);
            }
        } catch (RuntimeException e) {
            log.warn(
                    "could not invalidate availability of {} on {}",
                    context.company().slug(),
                    day,
                    e);
        }
    }

    /** The availability layer is its own feature; without it the slot functions say the calendar is unavailable. */
    private AvailabilityService availability() {
        AvailabilityService service = availability.getIfAvailable();
        if (service == null) {
            throw new CalendarUnavailableException(
                    "no AvailabilityService is configured",
                    new IllegalStateException("slotline.availability.mode has no implementation"));
        }
        return service;
    }

    SlotHoldService holds() {
        return holds;
    }

    Optional<Service> activeService(CallContext context, long serviceId) {
        return tenants.activeService(context.companyId(), serviceId);
    }

    LocalDate lastBookableDay(CallContext context) {
        return context.today().plusDays(context.company().bookingWindowDays());
    }

    /**
     * Up to {@code count} alternatives to the wish, ranked ({@link Alternatives#rank}) within the booking window and
     * ordered for saying them (a day's times together).
     */
    List<FreeSlot> alternatives(
            CallContext context, Availability availability, Alternatives.Wish wish, int count, Set<Instant> excluded) {
        return Alternatives.forSpeaking(
                Alternatives.rank(
                        availability,
                        context.zone(),
                        wish,
                        count,
                        context.receivedAt(),
                        lastBookableDay(context),
                        excluded),
                context.zone());
    }

    /** Nothing free to offer up to {@code until} (the end of what was searched). */
    FunctionResult nothingFreeUntil(CallContext context, LocalDate until, Map<String, Object> data) {
        return FunctionResult.notOk(
                Reason.NO_SLOTS,
                Messages.render(
                        MessageKey.NOTHING_FREE_UNTIL, context.language(), Map.of("day", spokenDay(context, until))),
                data);
    }

    /** The end of the range looked at for alternatives: covers the same weekday next week. */
    LocalDate searchEnd(CallContext context, LocalDate from) {
        LocalDate end = from.plusDays(properties.searchDays());
        LocalDate last = lastBookableDay(context);
        return end.isAfter(last) ? last : end;
    }

    Optional<FunctionResult> outsideBookingWindow(CallContext context, LocalDate date) {
        LocalDate last = lastBookableDay(context);
        if (!date.isAfter(last)) {
            return Optional.empty();
        }
        return Optional.of(FunctionResult.notOk(
                Reason.OUTSIDE_BOOKING_WINDOW,
                Messages.render(
                        MessageKey.OUTSIDE_BOOKING_WINDOW,
                        context.language(),
                        Map.of("latest", SpokenTimes.day(last, context.today(), context.language()))),
                Map.of("latest_date", last.toString())));
    }

    FunctionResult calendarUnavailable(CallContext context, RuntimeException cause) {
        log.warn("calendar unavailable for {}: {}", context.company().slug(), cause.getMessage());
        return FunctionResult.notOk(
                Reason.CALCOM_UNAVAILABLE, Messages.render(MessageKey.CALCOM_UNAVAILABLE, context.language()));
    }

    Map<String, Object> slot(CallContext context, Instant start) {
        ZonedDateTime local = start.atZone(context.zone());
        Map<String, Object> slot = new LinkedHashMap<>();
        slot.put("date", local.toLocalDate().toString());
        slot.put("time", local.format(WALL_TIME));
        slot.put("start", local.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        slot.put("spoken", spoken(context, start));
        return slot;
    }

    List<Map<String, Object>> slots(CallContext context, List<FreeSlot> slots) {
        return slots.stream().map(slot -> slot(context, slot.start())).toList();
    }

    String spoken(CallContext context, Instant start) {
        return SpokenTimes.dateTime(start, context.localNow(), context.language());
    }

    /** Several slots as one phrase, grouped by day: "morgen um 9 Uhr oder 10 Uhr, oder Dienstag um 14 Uhr". */
    String spokenList(CallContext context, List<FreeSlot> slots) {
        List<LocalDateTime> times = slots.stream()
                .map(slot -> LocalDateTime.ofInstant(slot.start(), context.zone()))
                .toList();
        return SpokenTimes.dateTimes(times, context.today(), context.language());
    }

    String spokenDay(CallContext context, LocalDate day) {
        return SpokenTimes.day(day, context.today(), context.language());
    }

    private Optional<CallMemory.Topic> topic(CallContext context) {
        return memory.recall(context)
                .or(() -> holds.latest(context.companyId(), context.retellCallId())
                        .map(hold -> new CallMemory.Topic(hold.serviceId(), hold.staffId())));
    }

    private static boolean clearlyAnother(@Nullable String spoken, List<Service> offered, Service remembered) {
        if (spoken == null || spoken.isBlank()) {
            return false;
        }
        ServiceMatch<Service> match = ServiceMatcher.match(spoken, offered, Service::name, Service::synonyms);
        return match instanceof ServiceMatch.Match<Service> found
                && (found.how() == ServiceMatch.How.NAME || found.how() == ServiceMatch.How.SYNONYM)
                && found.candidate().id() != remembered.id();
    }

    /** Staff of the call's branch who do the service and can be addressed in Cal.com. */
    private List<Staff> staffFor(CallContext context, Service service) {
        return tenants.staffForService(context.companyId(), service.id()).stream()
                .filter(staff -> staff.branchId() == context.branch().id())
                .filter(staff -> calendars.bookable(service, staff))
                .toList();
    }

    private Resolution<Staff> staff(CallContext context, Service service, String spoken) {
        List<Staff> candidates = staffFor(context, service);
        ServiceMatch<Staff> match = ServiceMatcher.match(spoken, candidates, Staff::name, staff -> List.of());
        if (match instanceof ServiceMatch.Match<Staff> found) {
            return Resolution.found(found.candidate());
        }
        List<String> names = candidates.stream().map(Staff::name).toList();
        return Resolution.ask(FunctionResult.notOk(
                Reason.UNKNOWN_STAFF,
                Messages.render(
                        MessageKey.UNKNOWN_STAFF,
                        context.language(),
                        Map.of(
                                "staff",
                                spoken.trim(),
                                "service",
                                service.name(),
                                "options",
                                SpokenTimes.orList(names, context.language()))),
                Map.of("staff_options", names, "service", service.name())));
    }
}
