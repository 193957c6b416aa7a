package io.slotline.availability;

import io.slotline.calcom.CalcomCallContext;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/** Store {@code memory}: one instance, nothing shared; every load is a Cal.com request. */
final class LocalDays implements SharedDays {

    private final SlotsFetcher fetcher;

    LocalDays(SlotsFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public Map<LocalDate, DayEntry> load(DayRange range, Duration maxAge, CalcomCallContext context) {
        return fetcher.fetch(range, context);
    }

    @Override
    public Map<LocalDate, DayEntry> peek(DayRange range, Duration maxAge) {
        return Map.of();
    }

    @Override
    public void invalidate(long companyId, LocalDate from, LocalDate to, InvalidationSource source) {
        // nobody else to tell
    }

    @Override
    public void changed(BusyChange change, LocalDate from, LocalDate to) {
        // nobody else to tell
    }

    @Override
    public void onRemoteInvalidation(RemoteInvalidation listener) {
        // no other instances
    }

    @Override
    public void onRemoteChange(RemoteChange listener) {
        // no other instances
    }

    @Override
    public void onMissedChanges(Runnable listener) {
        // nothing shared, nothing missed
    }

    @Override
    public void close() {}
}
