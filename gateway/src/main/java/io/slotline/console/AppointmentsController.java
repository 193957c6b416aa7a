package io.slotline.console;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Appointments, upcoming (soonest first) or past (latest first), made by phone, on the web or by an admin. */
@Controller
class AppointmentsController {

    static final Set<String> SOURCES = Set.of("phone", "calcom", "admin");
    static final Set<String> STATUSES = Set.of("booked", "pending", "cancelled", "rescheduled", "rejected");
    private static final int PAGE_SIZE = 50;

    private final ConsoleQueries queries;
    private final ConsoleViewer viewer;

    AppointmentsController(ConsoleQueries queries, ConsoleViewer viewer) {
        this.queries = queries;
        this.viewer = viewer;
    }

    record Filters(
            String when, @Nullable String source, @Nullable String status) {}

    @GetMapping("/console/appointments")
    String appointments(
            @AuthenticationPrincipal ConsoleUser me,
            @RequestParam(required = false) @Nullable String company,
            @RequestParam(defaultValue = "upcoming") String when,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Scope scope = me.scope(ConsoleAdvice.companyParam(company));
        Filters filters = filters(when, source, status);
        if (page < 0) {
            throw new ConsoleBadRequestException("page");
        }
        model.addAttribute(
                "appointments",
                queries.appointments(
                        scope,
                        filters.when().equals("upcoming"),
                        viewer.now(),
                        filters.source(),
                        filters.status(),
                        null,
                        page,
                        PAGE_SIZE));
        model.addAttribute("filters", filters);
        model.addAttribute("sources", SOURCES.stream().sorted().toList());
        model.addAttribute("statuses", STATUSES.stream().sorted().toList());
        model.addAttribute("nav", "appointments");
        return "console/appointments";
    }

    static Filters filters(String when, @Nullable String source, @Nullable String status) {
        String cleanWhen = when.trim().toLowerCase(Locale.ROOT);
        if (!cleanWhen.equals("upcoming") && !cleanWhen.equals("past")) {
            throw new ConsoleBadRequestException("when");
        }
        String cleanSource = CallsController.blankToNull(source);
        if (cleanSource != null && !SOURCES.contains(cleanSource)) {
            throw new ConsoleBadRequestException("source");
        }
        String cleanStatus = CallsController.blankToNull(status);
        if (cleanStatus != null && !STATUSES.contains(cleanStatus)) {
            throw new ConsoleBadRequestException("status");
        }
        return new Filters(cleanWhen, cleanSource, cleanStatus);
    }
}
