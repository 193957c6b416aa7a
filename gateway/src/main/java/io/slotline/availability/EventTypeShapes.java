package io.slotline.availability;

import org.jspecify.annotations.Nullable;

/**
 * The event type shapes known without asking Cal.com. Unknown means the cache cannot work out what a booking
 * changed and drops the affected days instead.
 */
@FunctionalInterface
public interface EventTypeShapes {

    @Nullable EventTypeShape known(long companyId, long eventTypeId);

    EventTypeShapes NONE = (companyId, eventTypeId) -> null;
}
