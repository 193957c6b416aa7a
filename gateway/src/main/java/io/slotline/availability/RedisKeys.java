package io.slotline.availability;

import java.time.LocalDate;

/**
 * Every Redis key and channel name of the shared store, in one place (operators read them with redis-cli). A
 * company's keys carry the hash tag {@code {c<company>}}, so they share a cluster slot and the Lua scripts work on
 * a cluster.
 */
record RedisKeys(String prefix) {

    /** The day's entry: {@code <prefix>:{c<company>}:day:<calendar>:<minutes>:<zone>:<date>}. */
    String day(DayRange range, LocalDate day) {
        CalendarRef calendar = range.calendar();
        return key(
                calendar.companyId(),
                "day:" + calendar.key() + ":" + calendar.durationMinutes() + ":"
                        + range.zone().getId() + ":" + day);
    }

    /** The generation of a company's day, bumped by every invalidation of it. */
    String generation(long companyId, LocalDate day) {
        return key(companyId, "gen:" + day);
    }

    /** Bumped when Redis is back after an outage: entries and locks of an earlier epoch no longer count. */
    String epoch() {
        return prefix + ":epoch";
    }

    /** The efficiency lock of one fetch. */
    String lock(DayRange range, String epoch) {
        return key(range.calendar().companyId(), "lock:" + epoch + ":" + rangeId(range));
    }

    /** Where the owner of a fetch publishes its outcome. */
    String done(DayRange range) {
        return prefix + ":done:" + rangeId(range);
    }

    String donePattern() {
        return prefix + ":done:*";
    }

    String invalidations() {
        return prefix + ":invalidations";
    }

    private String key(long companyId, String rest) {
        return prefix + ":{c" + companyId + "}:" + rest;
    }

    private static String rangeId(DayRange range) {
        CalendarRef calendar = range.calendar();
        return calendar.key() + ":" + calendar.durationMinutes() + ":"
                + range.zone().getId() + ":" + range.from() + ":" + range.to();
    }
}
