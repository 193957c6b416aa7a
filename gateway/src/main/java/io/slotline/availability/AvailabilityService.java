package io.slotline.availability;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Free slots of one Cal.com calendar (event type, optionally one staff member) per local day of the branch.
 * The implementation is chosen by {@code slotline.availability.mode}: {@code cached} (default) or {@code naive}
 * (the old system's strategy, kept as the benchmark's baseline).
 */
public interface AvailabilityService {

    /**
     * Free slots for every day in [from, to] (local days in the request's zone). May answer from a stale entry
     * (then {@link Availability#stale()} is true) when Cal.com is slow or down.
     *
     * @throws CalendarUnavailableException when Cal.com cannot answer in time and nothing is known for those days
     */
    Availability freeSlots(SlotRequest request);

    /**
     * What memory holds for every requested day, without asking Cal.com and without counting as a question;
     * empty when some day is not in memory (or nothing is kept, as in {@code naive} mode).
     */
    Optional<Availability> peek(SlotRequest request);

    /** Drops what is known for these days: our own booking changes and Cal.com webhooks call this. */
    void invalidate(CalendarRef calendar, LocalDate from, LocalDate to, InvalidationSource source);

    /**
     * Tells the cache that a host's time became busy or free (our own booking, cancel, reschedule, a released
     * hold, or a Cal.com webhook), so that the next answer reflects it.
     */
    void apply(BusyChange change, InvalidationSource source);

    /** Drops every calendar of a company for these days, when a webhook cannot tell which calendar changed. */
    void invalidateCompany(long companyId, LocalDate from, LocalDate to, InvalidationSource source);
}
