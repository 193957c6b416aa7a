package io.slotline.functions;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Why a function answered as it did: the {@code reason} of an {@code ok:false} answer (the agent's prompt and
 * Retell's LLM read it, so the wire values never change), the reason of a function call in the call log and the
 * {@code reason} tag of {@code slotline_function_outcomes_total}, which this set bounds. {@link #NONE} is the reason
 * of a plain {@code ok:true} answer.
 */
public enum Reason {
    NONE,

    // what the caller said is missing, unclear or impossible
    MISSING_SERVICE,
    MISSING_TIME,
    MISSING_NAME,
    MISSING_CONTACT,
    NEEDS_NAME,
    NEEDS_PHONE,
    INVALID_ARGUMENT,
    INVALID_DATE,
    INVALID_TIME,
    INVALID_PHONE,
    INVALID_EMAIL,
    AMBIGUOUS_DATE,
    CONFLICTING_DATE,
    AMBIGUOUS_SERVICE,
    UNCLEAR_WORDS,
    NEGATED,
    EXACT_TIME_NEEDED,
    IN_PAST,
    SAME_TIME,
    WHICH_APPOINTMENT,

    // what the business or the calendar says
    UNKNOWN_SERVICE,
    UNKNOWN_STAFF,
    NO_SERVICES,
    SLOT_TAKEN,
    NO_SLOTS,
    CLOSED_DAY,
    CLOSED_TIME,
    OUTSIDE_BOOKING_WINDOW,
    NOT_FOUND,
    ALREADY_MOVED,
    NO_LONGER_ACTIVE,
    RESCHEDULE_LIMIT,
    DEADLINE_PASSED,
    FEE_CONFIRMATION_REQUIRED,
    CALLBACK_RECORDED,
    PENDING_CONFIRMATION,

    // who is calling
    ANONYMOUS_CALLER,
    IDENTIFICATION_REQUIRED,
    VERIFICATION_REQUIRED,
    UNKNOWN_NUMBER,

    // the request or the systems behind it
    UNKNOWN_FUNCTION,
    FUNCTION_MISMATCH,
    IN_PROGRESS,
    DEADLINE,
    CALCOM_UNAVAILABLE,
    CALCOM_REFUSED,
    BOOKING_FAILED,
    TEMPORARILY_UNAVAILABLE,
    INTERNAL_ERROR;

    /** The value in JSON, the call log and the metric tag: the name in lower case, e.g. {@code slot_taken}. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a value no answer ever carried */
    @JsonCreator
    public static Reason fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
