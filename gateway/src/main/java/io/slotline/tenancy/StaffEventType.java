package io.slotline.tenancy;

import org.jspecify.annotations.Nullable;

/**
 * A staff member's own Cal.com event type for a service: a managed event type's child or their personal event type.
 * Cal.com addresses one person only this way (slug + username resolves only that user's own event types);
 * {@code slug} lets Slotline read it, since the company's key may not read another user's event type by id.
 */
public record StaffEventType(
        long staffId, long eventTypeId, @Nullable String slug) {}
