package io.slotline.console;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A call outcome filter: the SQL condition over calls {@code c}. */
enum CallOutcome {
    BOOKED("EXISTS (SELECT 1 FROM function_calls f WHERE f.company_id = c.company_id "
            + "AND f.retell_call_id = c.retell_call_id AND f.ok AND f.function_name = 'book_appointment')"),
    CANCELLED("EXISTS (SELECT 1 FROM function_calls f WHERE f.company_id = c.company_id "
            + "AND f.retell_call_id = c.retell_call_id AND f.ok AND f.function_name = 'cancel_appointment')"),
    RESCHEDULED("EXISTS (SELECT 1 FROM function_calls f WHERE f.company_id = c.company_id "
            + "AND f.retell_call_id = c.retell_call_id AND f.ok AND f.function_name = 'reschedule_appointment')"),
    CALLBACK("EXISTS (SELECT 1 FROM callback_requests cb WHERE cb.company_id = c.company_id AND cb.call_id = c.id)"),
    /** Ended without what the caller wanted: unsuccessful by Retell's analysis, an error, or a refusal left standing. */
    FAILED("c.status <> 'ongoing' AND (c.call_successful = FALSE OR c.status = 'error' OR (c.call_successful IS NULL "
            + "AND EXISTS (SELECT 1 FROM function_calls f WHERE f.company_id = c.company_id "
            + "AND f.retell_call_id = c.retell_call_id AND NOT f.ok AND f.outcome NOT IN ('in_progress')) "
            + "AND NOT EXISTS (SELECT 1 FROM function_calls f WHERE f.company_id = c.company_id "
            + "AND f.retell_call_id = c.retell_call_id AND f.ok AND f.function_name IN " + ConsoleQueries.ACHIEVED_SQL
            + ")))"),
    CALCOM_TROUBLE("EXISTS (SELECT 1 FROM function_calls f WHERE f.company_id = c.company_id "
            + "AND f.retell_call_id = c.retell_call_id AND f.outcome IN " + ConsoleQueries.TROUBLE_SQL + ")");

    final String condition;

    CallOutcome(String condition) {
        this.condition = condition;
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<CallOutcome> of(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        for (CallOutcome outcome : values()) {
            if (outcome.code().equals(code.trim())) {
                return Optional.of(outcome);
            }
        }
        throw new ConsoleBadRequestException("outcome");
    }
}
