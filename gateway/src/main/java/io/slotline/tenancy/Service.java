package io.slotline.tenancy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Something a caller can book. {@code calcomEventTypeId} identifies it for "any staff" requests (usually a round-robin
 * team event type of team {@code calcomTeamId}); each staff member's own event type is on the staff link
 * ({@link StaffEventType}). A service with {@code steps} is booked step by step, each step in its own event type.
 */
public record Service(
        long id,
        long companyId,
        String name,
        List<String> synonyms,
        int durationMinutes,
        @Nullable Integer priceCents,
        String currency,
        @Nullable Long calcomEventTypeId,
        @Nullable String calcomEventTypeSlug,
        boolean active,
        @Nullable Long calcomTeamId,
        List<ServiceStep> steps) {

    public Service {
        synonyms = List.copyOf(synonyms);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** Booked as several bookings with pauses between them (see {@link ServiceStep}), not as one block. */
    public boolean inSteps() {
        return !steps.isEmpty();
    }
}
