package io.slotline.bench.calls;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/** Appointments booked during the run, so that cancelling and rescheduling callers have something to move. */
public final class BookingLedger {

    public record Booking(Tenant tenant, String callerNumber, String customerName, String service, SlotTime slot) {}

    private final Map<String, ConcurrentLinkedDeque<Booking>> byTenant = new ConcurrentHashMap<>();

    public void add(Booking booking) {
        byTenant.computeIfAbsent(booking.tenant().apiKey(), k -> new ConcurrentLinkedDeque<>())
                .addLast(booking);
    }

    /** The oldest booking of that tenant not yet taken by another call. */
    public Optional<Booking> take(Tenant tenant) {
        ConcurrentLinkedDeque<Booking> bookings = byTenant.get(tenant.apiKey());
        return Optional.ofNullable(bookings == null ? null : bookings.pollFirst());
    }
}
