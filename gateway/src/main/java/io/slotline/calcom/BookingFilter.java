package io.slotline.calcom;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Filter for listing bookings (needs the API key). Cal.com has no phone filter: match callers by phone in
 * our own database. Start from {@link #none()} and narrow with the {@code with*} methods.
 */
public record BookingFilter(
        Set<Status> statuses,
        @Nullable String attendeeEmail,
        @Nullable String attendeeName,
        List<Long> eventTypeIds,
        @Nullable Instant afterStart,
        @Nullable Instant beforeEnd,
        @Nullable Integer take,
        @Nullable Integer skip,
        @Nullable Sort sort) {

    public static final int MAX_TAKE = 250;

    public enum Status {
        UPCOMING,
        RECURRING,
        PAST,
        CANCELLED,
        UNCONFIRMED
    }

    public enum SortBy {
        START("sortStart"),
        END("sortEnd"),
        CREATED("sortCreated"),
        UPDATED("sortUpdatedAt");

        private final String queryParameter;

        SortBy(String queryParameter) {
            this.queryParameter = queryParameter;
        }

        String queryParameter() {
            return queryParameter;
        }
    }

    public enum Direction {
        ASC,
        DESC
    }

    public record Sort(SortBy by, Direction direction) {
        public Sort {
            Objects.requireNonNull(by, "by");
            Objects.requireNonNull(direction, "direction");
        }
    }

    public BookingFilter {
        statuses = statuses.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(statuses));
        eventTypeIds = List.copyOf(eventTypeIds);
        if (take != null && (take < 1 || take > MAX_TAKE)) {
            throw new IllegalArgumentException("take must be 1.." + MAX_TAKE + ": " + take);
        }
        if (skip != null && skip < 0) {
            throw new IllegalArgumentException("skip must not be negative: " + skip);
        }
        if (afterStart != null && beforeEnd != null && beforeEnd.isBefore(afterStart)) {
            throw new IllegalArgumentException("beforeEnd " + beforeEnd + " is before afterStart " + afterStart);
        }
    }

    public static BookingFilter none() {
        return new BookingFilter(Set.of(), null, null, List.of(), null, null, null, null, null);
    }

    public BookingFilter withStatuses(Status... newStatuses) {
        return new BookingFilter(
                Set.of(newStatuses),
                attendeeEmail,
                attendeeName,
                eventTypeIds,
                afterStart,
                beforeEnd,
                take,
                skip,
                sort);
    }

    public BookingFilter withAttendeeEmail(String email) {
        return new BookingFilter(statuses, email, attendeeName, eventTypeIds, afterStart, beforeEnd, take, skip, sort);
    }

    public BookingFilter withAttendeeName(String name) {
        return new BookingFilter(statuses, attendeeEmail, name, eventTypeIds, afterStart, beforeEnd, take, skip, sort);
    }

    public BookingFilter withEventTypeIds(Long... ids) {
        return new BookingFilter(
                statuses, attendeeEmail, attendeeName, Arrays.asList(ids), afterStart, beforeEnd, take, skip, sort);
    }

    /** Bookings starting at or after {@code from} and ending at or before {@code to}. */
    public BookingFilter withinWindow(@Nullable Instant from, @Nullable Instant to) {
        return new BookingFilter(statuses, attendeeEmail, attendeeName, eventTypeIds, from, to, take, skip, sort);
    }

    public BookingFilter withPage(int newTake, int newSkip) {
        return new BookingFilter(
                statuses, attendeeEmail, attendeeName, eventTypeIds, afterStart, beforeEnd, newTake, newSkip, sort);
    }

    public BookingFilter sortedBy(SortBy by, Direction direction) {
        return new BookingFilter(
                statuses,
                attendeeEmail,
                attendeeName,
                eventTypeIds,
                afterStart,
                beforeEnd,
                take,
                skip,
                new Sort(by, direction));
    }
}
