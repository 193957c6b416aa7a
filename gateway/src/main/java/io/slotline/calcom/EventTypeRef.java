package io.slotline.calcom;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a request names a Cal.com event type: by id (any host of the event type) or by slug plus username
 * (a specific staff member's event type).
 */
public sealed interface EventTypeRef permits EventTypeRef.ById, EventTypeRef.BySlug {

    static EventTypeRef id(long eventTypeId) {
        return new ById(eventTypeId);
    }

    static EventTypeRef slug(String eventTypeSlug, String username) {
        return new BySlug(eventTypeSlug, username, null);
    }

    record ById(long eventTypeId) implements EventTypeRef {
        public ById {
            if (eventTypeId <= 0) {
                throw new IllegalArgumentException("eventTypeId must be positive: " + eventTypeId);
            }
        }
    }

    /** {@code organizationSlug} is needed only when the user belongs to a Cal.com organization. */
    record BySlug(
            String eventTypeSlug, String username, @Nullable String organizationSlug) implements EventTypeRef {
        public BySlug {
            Objects.requireNonNull(eventTypeSlug, "eventTypeSlug");
            Objects.requireNonNull(username, "username");
            if (eventTypeSlug.isBlank() || username.isBlank()) {
                throw new IllegalArgumentException("eventTypeSlug and username must not be blank");
            }
        }
    }
}
