package io.slotline.console;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the console's pages show; read models joined with the names people want to see. */
final class ConsoleViews {

    private ConsoleViews() {}

    record CallRow(
            long id,
            String retellCallId,
            long companyId,
            String companyName,
            @Nullable String fromNumber,
            @Nullable String toNumber,
            @Nullable String customerName,
            @Nullable Long customerId,
            String status,
            @Nullable Instant startedAt,
            @Nullable Instant endedAt,
            @Nullable String disconnectionReason,
            @Nullable String summary,
            @Nullable String userSentiment,
            @Nullable Boolean callSuccessful,
            int functionCalls,
            @Nullable String lastFunction,
            @Nullable String lastOutcome,
            Instant createdAt) {

        public Instant when() {
            return startedAt != null ? startedAt : createdAt;
        }
    }

    record FunctionRow(
            long id,
            String functionName,
            @Nullable String toolCallId,
            @Nullable String argsJson,
            boolean ok,
            String outcome,
            @Nullable String message,
            int latencyMs,
            int upstreamRequests,
            Instant createdAt) {}

    record AppointmentRow(
            long id,
            long companyId,
            String companyName,
            @Nullable String serviceName,
            @Nullable String staffName,
            @Nullable Long customerId,
            @Nullable String customerName,
            @Nullable String customerPhone,
            @Nullable Long callId,
            Instant startsAt,
            Instant endsAt,
            String status,
            String source,
            int rescheduleCount,
            @Nullable String cancellationReason,
            @Nullable String calcomBookingUid,
            Instant createdAt,
            @Nullable String attention) {}

    record CallbackRow(
            long id,
            long companyId,
            String companyName,
            @Nullable Long callId,
            @Nullable Long customerId,
            String customerName,
            @Nullable String phone,
            String reason,
            @Nullable String preferredTime,
            String status,
            Instant createdAt,
            @Nullable Instant doneAt,
            @Nullable String doneBy,
            @Nullable String doneNote) {}

    record CustomerRow(
            long id,
            long companyId,
            String companyName,
            @Nullable String name,
            @Nullable String phone,
            @Nullable String email,
            int calls,
            int appointments,
            @Nullable Instant lastCallAt,
            Instant createdAt) {}

    /** Cal.com trouble of one company over a period: failed answers and what the last one said. */
    record CalcomTrouble(
            long companyId,
            String companyName,
            String companySlug,
            int failures,
            @Nullable Instant lastAt,
            @Nullable String lastOutcome,
            @Nullable String breakerState) {}

    record CompanyRef(long id, String slug, String name) {}

    record PageOf<T>(List<T> items, int page, int size, long total) {

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }

        public boolean hasPrevious() {
            return page > 0;
        }
    }
}
