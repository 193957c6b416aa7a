package io.slotline.console;

import io.slotline.console.ConsoleViews.AppointmentRow;
import io.slotline.console.ConsoleViews.CallRow;
import io.slotline.console.ConsoleViews.CallbackRow;
import io.slotline.console.ConsoleViews.CustomerRow;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * CSV exports of the lists, with the list's filters and the same company limit (UTF-8 with BOM so that
 * spreadsheet programs read umlauts; times in UTC, ISO 8601). At most {@value #MAX_ROWS} rows.
 */
@Controller
class ExportController {

    static final int MAX_ROWS = 10_000;

    private final ConsoleQueries queries;
    private final ConsoleViewer viewer;
    private final CallsController calls;

    ExportController(ConsoleQueries queries, ConsoleViewer viewer, CallsController calls) {
        this.queries = queries;
        this.viewer = viewer;
        this.calls = calls;
    }

    @GetMapping("/console/export/calls.csv")
    void calls(
            @AuthenticationPrincipal ConsoleUser me,
            @RequestParam(required = false) @Nullable String company,
            @RequestParam(required = false) @Nullable String day,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String outcome,
            @RequestParam(required = false) @Nullable String caller,
            HttpServletResponse response)
            throws IOException {
        Scope scope = me.scope(ConsoleAdvice.companyParam(company));
        List<CallRow> rows = queries.calls(scope, calls.filter(scope, day, status, outcome, caller), 0, MAX_ROWS)
                .items();
        try (Writer out = csv(response, "calls")) {
            line(
                    out,
                    "id",
                    "company",
                    "started",
                    "ended",
                    "from",
                    "to",
                    "customer",
                    "status",
                    "successful",
                    "sentiment",
                    "functions",
                    "last_function",
                    "last_outcome",
                    "summary");
            for (CallRow c : rows) {
                line(
                        out,
                        c.id(),
                        c.companyName(),
                        c.when(),
                        c.endedAt(),
                        c.fromNumber(),
                        c.toNumber(),
                        c.customerName(),
                        c.status(),
                        c.callSuccessful(),
                        c.userSentiment(),
                        c.functionCalls(),
                        c.lastFunction(),
                        c.lastOutcome(),
                        c.summary());
            }
        }
    }

    @GetMapping("/console/export/appointments.csv")
    void appointments(
            @AuthenticationPrincipal ConsoleUser me,
            @RequestParam(required = false) @Nullable String company,
            @RequestParam(defaultValue = "upcoming") String when,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(required = false) @Nullable String status,
            HttpServletResponse response)
            throws IOException {
        Scope scope = me.scope(ConsoleAdvice.companyParam(company));
        AppointmentsController.Filters filters = AppointmentsController.filters(when, source, status);
        List<AppointmentRow> rows = queries.appointments(
                        scope,
                        filters.when().equals("upcoming"),
                        viewer.now(),
                        filters.source(),
                        filters.status(),
                        null,
                        0,
                        MAX_ROWS)
                .items();
        try (Writer out = csv(response, "appointments")) {
            line(
                    out,
                    "id",
                    "company",
                    "starts",
                    "ends",
                    "service",
                    "staff",
                    "customer",
                    "phone",
                    "status",
                    "source",
                    "call_id",
                    "booking_uid",
                    "created");
            for (AppointmentRow a : rows) {
                line(
                        out,
                        a.id(),
                        a.companyName(),
                        a.startsAt(),
                        a.endsAt(),
                        a.serviceName(),
                        a.staffName(),
                        a.customerName(),
                        a.customerPhone(),
                        a.status(),
                        a.source(),
                        a.callId(),
                        a.calcomBookingUid(),
                        a.createdAt());
            }
        }
    }

    @GetMapping("/console/export/callbacks.csv")
    void callbacks(
            @AuthenticationPrincipal ConsoleUser me,
            @RequestParam(required = false) @Nullable String company,
            @RequestParam(defaultValue = "open") String status,
            HttpServletResponse response)
            throws IOException {
        Scope scope = me.scope(ConsoleAdvice.companyParam(company));
        String wanted = status.trim().toLowerCase(Locale.ROOT);
        if (!wanted.equals("open") && !wanted.equals("done")) {
            throw new ConsoleBadRequestException("status");
        }
        List<CallbackRow> rows = queries.callbacks(scope, wanted, 0, MAX_ROWS).items();
        try (Writer out = csv(response, "callbacks")) {
            line(
                    out,
                    "id",
                    "company",
                    "created",
                    "customer",
                    "phone",
                    "reason",
                    "preferred_time",
                    "status",
                    "done_at",
                    "done_by",
                    "note",
                    "call_id");
            for (CallbackRow cb : rows) {
                line(
                        out,
                        cb.id(),
                        cb.companyName(),
                        cb.createdAt(),
                        cb.customerName(),
                        cb.phone(),
                        cb.reason(),
                        cb.preferredTime(),
                        cb.status(),
                        cb.doneAt(),
                        cb.doneBy(),
                        cb.doneNote(),
                        cb.callId());
            }
        }
    }

    @GetMapping("/console/export/customers.csv")
    void customers(
            @AuthenticationPrincipal ConsoleUser me,
            @RequestParam(required = false) @Nullable String company,
            @RequestParam(required = false) @Nullable String q,
            HttpServletResponse response)
            throws IOException {
        Scope scope = me.scope(ConsoleAdvice.companyParam(company));
        List<CustomerRow> rows = queries.customers(scope, CallsController.blankToNull(q), 0, MAX_ROWS)
                .items();
        try (Writer out = csv(response, "customers")) {
            line(out, "id", "company", "name", "phone", "email", "calls", "appointments", "last_call", "created");
            for (CustomerRow c : rows) {
                line(
                        out,
                        c.id(),
                        c.companyName(),
                        c.name(),
                        c.phone(),
                        c.email(),
                        c.calls(),
                        c.appointments(),
                        c.lastCallAt(),
                        c.createdAt());
            }
        }
    }

    private Writer csv(HttpServletResponse response, String name) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"slotline-" + name + "-"
                        + viewer.now().toString().substring(0, 10) + ".csv\"");
        Writer out = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        return out;
    }

    private static void line(Writer out, @Nullable Object... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(values[i]));
        }
        out.write("\r\n");
    }

    /** RFC 4180 quoting; text a spreadsheet would run as a formula is prefixed with an apostrophe. */
    static String cell(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty()
                && (text.charAt(0) == '='
                        || text.charAt(0) == '@'
                        || text.charAt(0) == '\t'
                        || text.charAt(0) == '\r'
                        || (text.charAt(0) == '+' || text.charAt(0) == '-')
                                && !text.substring(1).matches("[0-9 ]*"))) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
