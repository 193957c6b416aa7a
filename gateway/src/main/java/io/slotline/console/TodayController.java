package io.slotline.console;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.slotline.console.ConsoleViews.CalcomTrouble;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Today: calls in progress, bookings by phone, open callbacks, calls that failed the caller, Cal.com trouble. */
@Controller
class TodayController {

    /** A call still "ongoing" after this long lost its call_ended (as for the active-calls gauge). */
    static final Duration LIVE_WINDOW = Duration.ofHours(2);

    private static final int LIST_LIMIT = 20;

    private final ConsoleQueries queries;
    private final ConsoleViewer viewer;
    private final CircuitBreakerRegistry breakers;

    TodayController(ConsoleQueries queries, ConsoleViewer viewer, CircuitBreakerRegistry breakers) {
        this.queries = queries;
        this.viewer = viewer;
        this.breakers = breakers;
    }

    record Today(
            List<ConsoleViews.CallRow> live,
            List<ConsoleViews.AppointmentRow> bookings,
            List<ConsoleViews.CallbackRow> callbacks,
            long openCallbacks,
            List<ConsoleViews.CallRow> failed,
            List<CalcomTrouble> trouble,
            List<ConsoleQueries.TroubleEntry> troubleEntries,
            long callsToday) {}

    @GetMapping({"/console", "/console/"})
    String today(
            @AuthenticationPrincipal ConsoleUser me,
            @RequestParam(required = false) @Nullable String company,
            Model model) {
        Scope scope = me.scope(ConsoleAdvice.companyParam(company));
        model.addAttribute("today", today(scope));
        model.addAttribute("day", viewer.day(scope, viewer.today(scope))[0]);
        model.addAttribute("nav", "today");
        return "console/today";
    }

    Today today(Scope scope) {
        Instant[] day = viewer.day(scope, viewer.today(scope));
        Instant now = viewer.now();
        List<CalcomTrouble> trouble = queries.calcomTrouble(scope, day[0], day[1]).stream()
                .map(count -> new CalcomTrouble(
                        count.companyId(),
                        count.companyName(),
                        count.companySlug(),
                        count.failures(),
                        count.lastAt(),
                        null,
                        breakerState(count.companySlug())))
                .toList();
        // an open breaker is trouble even before today's first failed answer
        List<CalcomTrouble> open = queries.companies(scope).stream()
                .filter(company -> trouble.stream().noneMatch(t -> t.companyId() == company.id()))
                .filter(company -> breakerState(company.slug()) != null)
                .map(company -> new CalcomTrouble(
                        company.id(), company.name(), company.slug(), 0, null, null, breakerState(company.slug())))
                .toList();
        return new Today(
                queries.liveCalls(scope, now.minus(LIVE_WINDOW)),
                queries.phoneBookings(scope, day[0], day[1]),
                queries.openCallbacks(scope, LIST_LIMIT),
                queries.openCallbackCount(scope),
                queries.failedCalls(scope, day[0], day[1], LIST_LIMIT),
                Stream.concat(trouble.stream(), open.stream()).toList(),
                queries.calcomTroubleEntries(scope, day[0], day[1], 5),
                queries.callsBetween(scope, day[0], day[1]));
    }

    /** The Cal.com breaker's state when it is not closed (breakers are named after the company slug). */
    private @Nullable String breakerState(String slug) {
        return breakers.find(slug)
                .map(CircuitBreaker::getState)
                .filter(state -> state != CircuitBreaker.State.CLOSED)
                .map(Enum::name)
                .orElse(null);
    }
}
