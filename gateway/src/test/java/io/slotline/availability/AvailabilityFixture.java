package io.slotline.availability;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.slotline.calcom.CalcomAccount;
import io.slotline.calcom.CalcomApi;
import io.slotline.calcom.CalcomResilienceProperties;
import io.slotline.calcom.FakeCalcom;
import io.slotline.calcom.ResilientCalcomApi;
import io.slotline.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A calendar, a test clock (Monday 2030-03-04 07:00 in Berlin), a counting fake Cal.com and metrics. */
class AvailabilityFixture {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final CalcomAccount ACCOUNT = new CalcomAccount("demo-salon", "cal_demo");
    static final CalendarRef HAIRCUT_ANY = new CalendarRef(1, ACCOUNT, 1001, "herrenhaarschnitt", null, 30);
    static final CalendarRef HAIRCUT_ANNA = new CalendarRef(1, ACCOUNT, 1001, "herrenhaarschnitt", "anna-demo", 30);
    static final CalendarRef OTHER_COMPANY =
            new CalendarRef(2, new CalcomAccount("other", "cal_other"), 2001, "haircut", null, 30);
    static final LocalDate TODAY = LocalDate.of(2030, 3, 4);

    final MutableClock clock = new MutableClock(Instant.parse("2030-03-04T06:00:00Z"));
    final FakeCalcom calcom = new FakeCalcom(clock);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final AvailabilityMetrics metrics = new AvailabilityMetrics(registry);

    CachedAvailability cached(CalcomApi api) {
        return new CachedAvailability(
                AvailabilityProperties.defaults(), new LocalDays(new SlotsFetcher(api)), metrics, clock);
    }

    ResilientCalcomApi resilient() {
        CalcomResilienceProperties properties = CalcomResilienceProperties.defaults();
        return new ResilientCalcomApi(
                calcom,
                CircuitBreakerRegistry.of(ResilientCalcomApi.breakerConfig(properties.breaker(), clock)),
                properties,
                clock);
    }

    SlotRequest live(CalendarRef calendar, LocalDate from, LocalDate to) {
        return new SlotRequest(
                calendar,
                BERLIN,
                from,
                to,
                SlotRequest.Priority.LIVE,
                clock.instant().plusSeconds(30));
    }

    SlotRequest live(LocalDate from, LocalDate to) {
        return live(HAIRCUT_ANY, from, to);
    }

    SlotRequest liveWithin(Duration wait, LocalDate from, LocalDate to) {
        return new SlotRequest(
                HAIRCUT_ANY,
                BERLIN,
                from,
                to,
                SlotRequest.Priority.LIVE,
                clock.instant().plus(wait));
    }

    SlotRequest background(LocalDate from, LocalDate to) {
        return new SlotRequest(
                HAIRCUT_ANY,
                BERLIN,
                from,
                to,
                SlotRequest.Priority.BACKGROUND,
                clock.instant().plusSeconds(30));
    }

    double cache(String result) {
        return registry.counter("slotline.availability.cache", "result", result).count();
    }

    double counter(String name) {
        return registry.counter(name).count();
    }

    double invalidations(String source) {
        return registry.counter("slotline.availability.invalidations", "source", source)
                .count();
    }

    static Instant at(LocalDate day, int hour) {
        return FakeCalcom.slotStart(day, hour, BERLIN);
    }
}
