package io.slotline.console;

import io.slotline.console.ConsoleQueries.CallFilter;
import io.slotline.console.ConsoleViews.CallRow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Calls newest first, filtered by day, status, outcome and caller; a call's page shows its timeline. */
@Controller
class CallsController {

    static final Set<String> STATUSES = Set.of("ongoing", "ended", "error", "not_connected");
    private static final int PAGE_SIZE = 50;
    private static final Pattern CALLER = Pattern.compile("[\\p{L}\\p{N} +.'-]{1,80}");

    private final ConsoleQueries queries;
    private final ConsoleViewer viewer;

    CallsController(ConsoleQueries queries, ConsoleViewer viewer) {
        this.queries = queries;
        this.viewer = viewer;
    }

    /** The list's filters as the form sends them. */
    record Filters(
            @Nullable String day,
            @Nullable String status,
            @Nullable String outcome,
            @Nullable String caller) {}

    @GetMapping("/console/calls")
    String calls(
            @AuthenticationPrincipal ConsoleUser me,
            @RequestParam(required = false) @Nullable String company,
            @RequestParam(required = false) @Nullable String day,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String outcome,
            @RequestParam(required = false) @Nullable String caller,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Scope scope = me.scope(ConsoleAdvice.companyParam(company));
        if (page < 0) {
            throw new ConsoleBadRequestException("page");
        }
        model.addAttribute("calls", queries.calls(scope, filter(scope, day, status, outcome, caller), page, PAGE_SIZE));
        model.addAttribute(
                "filters",
                new Filters(blankToNull(day), blankToNull(status), blankToNull(outcome), blankToNull(caller)));
        model.addAttribute("statuses", STATUSES.stream().sorted().toList());
        model.addAttribute(
                "outcomes",
                List.of(CallOutcome.values()).stream().map(CallOutcome::code).toList());
        model.addAttribute("nav", "calls");
        return "console/calls";
    }

    @GetMapping("/console/calls/{id}")
    String call(
            @AuthenticationPrincipal ConsoleUser me,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String company,
            Model model) {
        Scope scope = me.scope(ConsoleAdvice.companyParam(company));
        CallRow call = queries.call(scope, id).orElseThrow(ConsoleNotFoundException::new);
        model.addAttribute("call", call);
        model.addAttribute("timeline", queries.functionCalls(call.companyId(), call.retellCallId()));
        model.addAttribute("appointments", queries.appointmentsOfCall(scope, call.id()));
        model.addAttribute("callbacks", queries.callbacksOf(scope, "call_id", call.id()));
        model.addAttribute("trouble", ConsoleQueries.CALCOM_TROUBLE);
        model.addAttribute("nav", "calls");
        return "console/call";
    }

    CallFilter filter(
            Scope scope,
            @Nullable String day,
            @Nullable String status,
            @Nullable String outcome,
            @Nullable String caller) {
        Instant from = null;
        Instant to = null;
        if (blankToNull(day) != null) {
            LocalDate date = viewer.dayOrToday(scope, day);
            Instant[] range = viewer.day(scope, date);
            from = range[0];
            to = range[1];
        }
        String cleanStatus = blankToNull(status);
        if (cleanStatus != null) {
            cleanStatus = cleanStatus.toLowerCase(Locale.ROOT);
            if (!STATUSES.contains(cleanStatus)) {
                throw new ConsoleBadRequestException("status");
            }
        }
        String cleanCaller = blankToNull(caller);
        if (cleanCaller != null) {
            cleanCaller = cleanCaller.replaceAll("[\\s\\-./()]", "");
            if (!CALLER.matcher(cleanCaller).matches()) {
                throw new ConsoleBadRequestException("caller");
            }
        }
        return new CallFilter(from, to, cleanStatus, CallOutcome.of(outcome).orElse(null), cleanCaller);
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
