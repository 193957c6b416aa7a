package io.slotline.availability;

import io.slotline.calcom.CalcomCallContext;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/**
 * The layer below each instance's in-memory cache: where days come from and how an invalidation reaches the
 * other instances. {@link LocalDays} (store {@code memory}) asks Cal.com directly; {@link RedisDays} (store
 * {@code redis}) shares entries, fetches and invalidations between instances.
 */
interface SharedDays extends AutoCloseable {

    /**
     * Every day of {@code range}, each younger than {@code maxAge}, fetching from Cal.com what is missing. Blocks;
     * called on a load thread.
     *
     * @throws io.slotline.calcom.CalcomException when Cal.com can't answer (possibly another instance's shared error)
     */
    Map<LocalDate, DayEntry> load(DayRange range, Duration maxAge, CalcomCallContext context);

    /** Whatever is known for these days younger than {@code maxAge}, without asking Cal.com; may be incomplete. */
    Map<LocalDate, DayEntry> peek(DayRange range, Duration maxAge);

    /** Drops the company's days for all instances (this instance's memory is the caller's business). */
    void invalidate(long companyId, LocalDate from, LocalDate to, InvalidationSource source);

    /**
     * Drops the company's days [from, to] from the shared store and tells the other instances of the change, which
     * they apply to their own memory.
     */
    void changed(BusyChange change, LocalDate from, LocalDate to);

    /** Called when another instance invalidated days. */
    void onRemoteInvalidation(RemoteInvalidation listener);

    /** Called when another instance learnt of a booking change. */
    void onRemoteChange(RemoteChange listener);

    /**
     * Called when changes other instances shared may not have reached this one (it was cut off from them): none of
     * this instance's days can be trusted any more.
     */
    void onMissedChanges(Runnable listener);

    @FunctionalInterface
    interface RemoteInvalidation {
        void invalidated(long companyId, LocalDate from, LocalDate to);
    }

    @FunctionalInterface
    interface RemoteChange {
        void changed(BusyChange change);
    }

    @Override
    void close();
}
