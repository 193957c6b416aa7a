package io.slotline.appointments.webhook;

import io.slotline.appointments.AppointmentBooked;
import io.slotline.appointments.AppointmentCancelled;
import io.slotline.appointments.AppointmentDaysChanged;
import io.slotline.appointments.AppointmentMoved;
import io.slotline.appointments.AppointmentSource;
import io.slotline.appointments.Appointments;
import io.slotline.calcom.CalcomWebhookEvent;
import io.slotline.calcom.CalcomWebhookEvent.Person;
import io.slotline.calcom.CalcomWebhookEvent.Trigger;
import io.slotline.tenancy.Company;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes what a Cal.com booking webhook changes for availability ({@link AppointmentBooked},
 * {@link AppointmentCancelled}, {@link AppointmentMoved}: the booked host's slots go, a freed time is marked;
 * {@link AppointmentDaysChanged} when a webhook without times, event type or host touches days of every calendar of
 * the company, since hosts are shared between event types).
 */
@Component
class WebhookAvailability {

    private static final Logger log = LoggerFactory.getLogger(WebhookAvailability.class);

    private final Appointments appointments;
    private final WebhookServices services;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    WebhookAvailability(
            Appointments appointments, WebhookServices services, ApplicationEventPublisher publisher, Clock clock) {
        this.appointments = appointments;
        this.services = services;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * A booking with its times, event type and host is applied to the cache exactly (the booked host's slots go,
     * a freed time is marked); anything less drops the days it touches, for every calendar of the company.
     */
    void publish(Company company, CalcomWebhookEvent event) {
        Person organizer = event.organizer();
        String host = organizer != null ? organizer.username() : null;
        Long eventTypeId = services.serviceEventTypeId(company, event.eventTypeId());
        if (event.start() != null
                && event.end() != null
                && !event.end().isBefore(event.start())
                && eventTypeId != null
                && host != null) {
            ZoneId zone = company.defaultTimeZone();
            boolean frees = event.trigger() == Trigger.BOOKING_CANCELLED || event.trigger() == Trigger.BOOKING_REJECTED;
            Optional<Times> previous =
                    event.trigger() == Trigger.BOOKING_RESCHEDULED ? previousTimes(company, event) : Optional.empty();
            if (frees) {
                publisher.publishEvent(new AppointmentCancelled(
                        company.id(), event.start(), event.end(), zone, eventTypeId, host, AppointmentSource.CALCOM));
            } else if (previous.isPresent()) {
                publisher.publishEvent(new AppointmentMoved(
                        company.id(),
                        previous.get().startsAt(),
                        previous.get().endsAt(),
                        null,
                        event.start(),
                        event.end(),
                        host,
                        zone,
                        eventTypeId,
                        AppointmentSource.CALCOM));
            } else {
                publisher.publishEvent(new AppointmentBooked(
                        company.id(), event.start(), event.end(), zone, eventTypeId, host, AppointmentSource.CALCOM));
            }
            return;
        }
        dropDays(company, event);
    }

    private record Times(Instant startsAt, Instant endsAt) {}

    private Optional<Times> previousTimes(Company company, CalcomWebhookEvent event) {
        if (event.rescheduleStart() != null) {
            Instant end = event.rescheduleEnd() != null && event.rescheduleEnd().isAfter(event.rescheduleStart())
                    ? event.rescheduleEnd()
                    : event.rescheduleStart();
            return Optional.of(new Times(event.rescheduleStart(), end));
        }
        if (event.rescheduleUid() == null) {
            return Optional.empty();
        }
        return appointments
                .findByBookingUid(company.id(), event.rescheduleUid())
                .map(old -> new Times(old.startsAt(), old.endsAt()));
    }

    private void dropDays(Company company, CalcomWebhookEvent event) {
        List<ZoneId> zones = zones(company, event);
        List<Range> ranges = new ArrayList<>();
        Range booked = range(event.start(), event.end(), zones);
        if (booked != null) {
            ranges.add(booked);
        }
        previousTimes(company, event)
                .map(old -> range(old.startsAt(), old.endsAt(), zones))
                .ifPresent(ranges::add);
        if (ranges.isEmpty()) {
            // a booking event without times: everything bookable may have changed
            LocalDate today = LocalDate.ofInstant(clock.instant(), company.defaultTimeZone());
            ranges.add(new Range(today, today.plusDays(Math.min(company.bookingWindowDays(), 366))));
        }
        for (Range range : ranges) {
            publisher.publishEvent(
                    new AppointmentDaysChanged(company.id(), range.from(), range.to(), AppointmentSource.CALCOM));
        }
    }

    private record Range(LocalDate from, LocalDate to) {}

    /** The local days the interval touches in any of the zones the company's calendars may be kept in. */
    private static @Nullable Range range(@Nullable Instant start, @Nullable Instant end, List<ZoneId> zones) {
        if (start == null) {
            return null;
        }
        Instant last = end != null && end.isAfter(start) ? end.minusNanos(1) : start;
        LocalDate from = null;
        LocalDate to = null;
        for (ZoneId zone : zones) {
            LocalDate first = LocalDate.ofInstant(start, zone);
            LocalDate lastDay = LocalDate.ofInstant(last, zone);
            from = from == null || first.isBefore(from) ? first : from;
            to = to == null || lastDay.isAfter(to) ? lastDay : to;
        }
        return from == null || to == null ? null : new Range(from, to); // set together
    }

    private static List<ZoneId> zones(Company company, CalcomWebhookEvent event) {
        Set<ZoneId> zones = new LinkedHashSet<>();
        zones.add(company.defaultTimeZone());
        Person organizer = event.organizer();
        if (organizer != null && organizer.timeZone() != null) {
            try {
                zones.add(ZoneId.of(organizer.timeZone()));
            } catch (DateTimeException unknownZone) {
                log.debug("Ignoring the organizer's unknown time zone {}", organizer.timeZone());
            }
        }
        return List.copyOf(zones);
    }
}
