package io.slotline.sim.calendar;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * All simulator data in memory behind one read/write lock. Availability reads take the read lock; writes
 * (book, cancel, reschedule, reserve, scenario loads) take the write lock.
 * <p>
 * {@code activeSlots} plays the part of Cal.com's database unique key on host + start + end of active bookings:
 * two concurrent creates that both passed the availability check collide there, and the loser gets the 409.
 */
public final class CalendarStore {

    record BookingKey(Instant start, long id) implements Comparable<BookingKey> {
        @Override
        public int compareTo(BookingKey other) {
            int byStart = start.compareTo(other.start);
            return byStart != 0 ? byStart : Long.compare(id, other.id);
        }
    }

    record SlotKey(long hostId, Instant start, Instant end) {}

    /** The data itself; only touched while holding the store's lock. */
    static final class Data {
        final Map<String, Tenant> tenants = new LinkedHashMap<>();
        final Map<Long, Host> hosts = new LinkedHashMap<>();
        final Map<Long, EventType> eventTypes = new LinkedHashMap<>();
        final Map<String, Booking> bookings = new LinkedHashMap<>();
        final Map<Long, TreeMap<BookingKey, Booking>> byHost = new HashMap<>();
        final Map<SlotKey, String> activeSlots = new HashMap<>();
        final Map<String, Reservation> reservations = new LinkedHashMap<>();
        /** A seated booking's seats by booking uid, the booking's own attendee first. */
        final Map<String, List<Seat>> seats = new LinkedHashMap<>();

        long nextBookingId = 10001;

        /** The seats of a booking: its own attendee alone unless it is seated. */
        List<Seat> seatsOf(Booking booking) {
            List<Seat> taken = seats.get(booking.uid());
            return taken != null ? taken : List.of(new Seat(null, booking.attendee()));
        }

        void insert(Booking booking) {
            bookings.put(booking.uid(), booking);
            byHost.computeIfAbsent(booking.hostId(), id -> new TreeMap<>())
                    .put(new BookingKey(booking.start(), booking.id()), booking);
            if (booking.isActive()) {
                activeSlots.put(slotKey(booking), booking.uid());
            }
            nextBookingId = Math.max(nextBookingId, booking.id() + 1);
        }

        void replace(Booking updated) {
            Booking previous = bookings.get(updated.uid());
            if (previous != null) {
                TreeMap<BookingKey, Booking> hostBookings = byHost.get(previous.hostId());
                if (hostBookings != null) {
                    hostBookings.remove(new BookingKey(previous.start(), previous.id()));
                }
                activeSlots.remove(slotKey(previous), previous.uid());
            }
            insert(updated);
        }

        List<Booking> hostBookings(long hostId, Instant from, Instant to) {
            TreeMap<BookingKey, Booking> all = byHost.get(hostId);
            if (all == null) {
                return List.of();
            }
            return new ArrayList<>(
                    all.subMap(new BookingKey(from, Long.MIN_VALUE), true, new BookingKey(to, Long.MAX_VALUE), true)
                            .values());
        }

        List<Host> hostsOf(EventType eventType) {
            List<Host> found = new ArrayList<>();
            for (Long id : eventType.hostIds()) {
                Host host = hosts.get(id);
                if (host != null) {
                    found.add(host);
                }
            }
            return found;
        }

        boolean slotTaken(long hostId, Instant start, Instant end) {
            return activeSlots.containsKey(new SlotKey(hostId, start, end));
        }

        static SlotKey slotKey(Booking booking) {
            return new SlotKey(booking.hostId(), booking.start(), booking.end());
        }

        void clear() {
            tenants.clear();
            hosts.clear();
            eventTypes.clear();
            bookings.clear();
            byHost.clear();
            activeSlots.clear();
            reservations.clear();
            seats.clear();
            nextBookingId = 10001;
        }
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Data data = new Data();

    <T> T read(Function<Data, T> action) {
        lock.readLock().lock();
        try {
            return action.apply(data);
        } finally {
            lock.readLock().unlock();
        }
    }

    <T> T write(Function<Data, T> action) {
        lock.writeLock().lock();
        try {
            return action.apply(data);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Replaces everything with the given scenario data. */
    public void load(ScenarioData scenario) {
        write(d -> {
            d.clear();
            merge(d, scenario);
            return null;
        });
    }

    /** Adds or replaces (by key) the given entities, keeping everything else. */
    public void add(ScenarioData scenario) {
        write(d -> {
            merge(d, scenario);
            return null;
        });
    }

    private static void merge(Data d, ScenarioData scenario) {
        scenario.tenants().forEach(t -> d.tenants.put(t.apiKey(), t));
        scenario.hosts().forEach(h -> d.hosts.put(h.id(), h));
        for (EventType eventType : scenario.eventTypes()) {
            for (Long hostId : eventType.hostIds()) {
                if (!d.hosts.containsKey(hostId)) {
                    throw new IllegalArgumentException(
                            "event type " + eventType.id() + " refers to unknown host " + hostId);
                }
            }
            if (!d.tenants.containsKey(eventType.ownerKey())) {
                throw new IllegalArgumentException(
                        "event type " + eventType.id() + " refers to unknown owner key " + eventType.ownerKey());
            }
            d.eventTypes.put(eventType.id(), eventType);
        }
        scenario.bookings().forEach(d::replace);
    }

    public Optional<Tenant> tenant(String apiKey) {
        return read(d -> Optional.ofNullable(d.tenants.get(apiKey)));
    }

    public List<Tenant> tenants() {
        return read(d -> List.copyOf(d.tenants.values()));
    }

    public List<Host> hosts() {
        return read(d -> List.copyOf(d.hosts.values()));
    }

    public List<EventType> eventTypes() {
        return read(d -> List.copyOf(d.eventTypes.values()));
    }

    public List<Booking> bookings() {
        return read(d -> List.copyOf(d.bookings.values()));
    }

    public long nextBookingId() {
        return read(d -> d.nextBookingId);
    }

    public Optional<Host> host(long id) {
        return read(d -> Optional.ofNullable(d.hosts.get(id)));
    }

    public Optional<EventType> eventType(long id) {
        return read(d -> Optional.ofNullable(d.eventTypes.get(id)));
    }

    public Optional<Booking> booking(String uid) {
        return read(d -> Optional.ofNullable(d.bookings.get(uid)));
    }

    public List<Reservation> reservations() {
        return read(d -> List.copyOf(d.reservations.values()));
    }

    static @Nullable EventType eventTypeOf(Data d, Booking booking) {
        return d.eventTypes.get(booking.eventTypeId());
    }
}
