package io.slotline.tenancy;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Something a caller can book. {@code calcomEventTypeId} identifies it for "any staff" requests,
 * {@code calcomEventTypeSlug} (with a staff member's username) for staff-specific ones.
 */
public record Service(long id, long companyId, String name, List<String> synonyms, int durationMinutes,
        @Nullable Integer priceCents, String currency, @Nullable Long calcomEventTypeId,
        @Nullable String calcomEventTypeSlug, boolean active) {

    public Service {
        synonyms = List.copyOf(synonyms);
    }
}
