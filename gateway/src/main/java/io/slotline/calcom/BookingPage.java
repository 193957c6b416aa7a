package io.slotline.calcom;

import java.util.List;
import java.util.Objects;

/** One page of listed bookings. */
public record BookingPage(List<Booking> bookings, Pagination pagination) {

    public BookingPage {
        bookings = List.copyOf(bookings);
        Objects.requireNonNull(pagination, "pagination");
    }

    public record Pagination(
            int totalItems,
            int remainingItems,
            int returnedItems,
            int itemsPerPage,
            int currentPage,
            int totalPages,
            boolean hasNextPage,
            boolean hasPreviousPage) {

        /** For responses without a pagination block: everything is on this one page. */
        static Pagination singlePage(int items) {
            return new Pagination(items, 0, items, items, 1, 1, false, false);
        }
    }
}
