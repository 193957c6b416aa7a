package io.slotline.availability;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Availability layer settings ({@code slotline.availability.*}).
 *
 * @param mode {@code cached} (default) or {@code naive} (the old system: one Cal.com request per day, no cache)
 * @param store where day entries are shared: {@code memory} (this instance only, default) or {@code redis} (all
 *        instances; also set {@code slotline.redis.enabled=true} and {@code spring.data.redis.*})
 * @param freshFor an entry younger than this is served as is
 * @param hardExpiry until then an older entry is served at once (marked stale) while one background refresh
 *        runs; after it a caller waits for Cal.com
 * @param staleGrace when Cal.com can't answer (down, slow past the caller's deadline, breaker open, 429), entries
 *        up to this age are still served, marked stale; bookings go to Cal.com anyway, which has the last word
 * @param maxDays bound on cached day entries (per calendar, duration and day) in this instance: a business warmed
 *                for 28 days costs about 28 x services x (1 + stylists) of them (some 600 for 4 services and 4
 *                stylists); at about 1 KB each, 300,000 hold some 500 businesses warm in 300 MB (the benchmark's
 *                1,000 businesses filled 100,000 within five minutes, and the cache began to evict)
 * @param loadThreads concurrent Cal.com loads for callers (each covers a whole range of days)
 * @param refreshThreads concurrent background refreshes; more stale ranges than this wait in a short queue or
 *        are skipped (the next caller triggers them again)
 * @param loadTimeout bound on one shared load, waits for another instance included
 * @param rewarmAfterInvalidation when a booking change could not be applied to memory and days were dropped (an
 *        unknown host or event type, a webhook without times), fetch them again in the background at once, so the
 *        company's next caller doesn't wait for Cal.com. Off by default: every cached calendar of the company is
 *        fetched again, which the 120/min budget can't afford when drops are frequent
 */
@ConfigurationProperties("slotline.availability")
public record AvailabilityProperties(
        @DefaultValue("cached") Mode mode,
        @DefaultValue("memory") Store store,
        @DefaultValue("300s") Duration freshFor,
        @DefaultValue("30m") Duration hardExpiry,
        @DefaultValue("2h") Duration staleGrace,
        @DefaultValue("300000") int maxDays,
        @DefaultValue("16") int loadThreads,
        @DefaultValue("2") int refreshThreads,
        @DefaultValue("10s") Duration loadTimeout,
        @DefaultValue Prefetch prefetch,
        @DefaultValue Redis redis,
        @DefaultValue("false") boolean rewarmAfterInvalidation) {

    public enum Mode {
        CACHED,
        NAIVE
    }

    public enum Store {
        MEMORY,
        REDIS
    }

    public AvailabilityProperties {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(prefetch, "prefetch");
        Objects.requireNonNull(redis, "redis");
        positive(freshFor, "fresh-for");
        positive(loadTimeout, "load-timeout");
        if (hardExpiry.compareTo(freshFor) < 0) {
            throw new IllegalArgumentException("slotline.availability.hard-expiry must be >= fresh-for");
        }
        if (staleGrace.compareTo(hardExpiry) < 0) {
            throw new IllegalArgumentException("slotline.availability.stale-grace must be >= hard-expiry");
        }
        if (maxDays <= 0 || loadThreads <= 0 || refreshThreads <= 0) {
            throw new IllegalArgumentException(
                    "slotline.availability.max-days, load-threads and refresh-threads must be positive");
        }
    }

    public static AvailabilityProperties defaults() {
        return new AvailabilityProperties(
                Mode.CACHED,
                Store.MEMORY,
                Duration.ofSeconds(300),
                Duration.ofMinutes(30),
                Duration.ofHours(2),
                300_000,
                16,
                2,
                Duration.ofSeconds(10),
                Prefetch.defaults(),
                Redis.defaults(),
                false);
    }

    public AvailabilityProperties withStore(Store newStore) {
        return new AvailabilityProperties(
                mode,
                newStore,
                freshFor,
                hardExpiry,
                staleGrace,
                maxDays,
                loadThreads,
                refreshThreads,
                loadTimeout,
                prefetch,
                redis,
                rewarmAfterInvalidation);
    }

    public AvailabilityProperties withRewarm() {
        return new AvailabilityProperties(
                mode,
                store,
                freshFor,
                hardExpiry,
                staleGrace,
                maxDays,
                loadThreads,
                refreshThreads,
                loadTimeout,
                prefetch,
                redis,
                true);
    }

    public AvailabilityProperties withRedis(Redis newRedis) {
        return new AvailabilityProperties(
                mode,
                store,
                freshFor,
                hardExpiry,
                staleGrace,
                maxDays,
                loadThreads,
                refreshThreads,
                loadTimeout,
                prefetch,
                newRedis,
                rewarmAfterInvalidation);
    }

    /**
     * @param concurrency calendars warmed at the same time (each at most one Cal.com request)
     * @param days default number of days from today a call warms: callers ask for the next days and the answers look
     *             two weeks past the requested day (alternatives, same weekday next week), so four weeks by default
     * @param queue prefetches waiting for a free slot; beyond it they are dropped
     * @param timeout bound on one prefetch
     * @param staffCalendars when a ringing phone also warms each stylist's calendar of each service (what a caller
     *        asking for someone by name reads, and what an answer for "anyone" reads to hold a stylist who is free
     *        then): {@code always} (default) on every call, so that the first question is answered from memory;
     *        {@code when-active} once the business is being called (another of its calls started within
     *        {@code hard-expiry}), for agencies whose businesses share one Cal.com key: a quiet business's first
     *        call then costs its services instead of services x (1 + stylists) requests, and its first question
     *        waits for the stylists' day
     */
    public record Prefetch(
            @DefaultValue("8") int concurrency,
            @DefaultValue("28") int days,
            @DefaultValue("256") int queue,
            @DefaultValue("10s") Duration timeout,
            @DefaultValue("always") StaffCalendars staffCalendars) {

        public enum StaffCalendars {
            ALWAYS,
            WHEN_ACTIVE
        }

        public Prefetch {
            if (concurrency <= 0 || days <= 0 || queue <= 0) {
                throw new IllegalArgumentException(
                        "slotline.availability.prefetch.concurrency, days and queue must be positive");
            }
            positive(timeout, "prefetch.timeout");
            Objects.requireNonNull(staffCalendars, "staffCalendars");
        }

        public static Prefetch defaults() {
            return new Prefetch(8, 28, 256, Duration.ofSeconds(10), StaffCalendars.ALWAYS);
        }
    }

    /**
     * @param keyPrefix prefix of every key and channel (several deployments can share one Redis)
     * @param lockTtl lifetime of the cross-instance fetch lock: longer than one Cal.com slots request (timeouts
     *        and the one retry included); if the owner dies, a waiter takes over after it
     */
    public record Redis(
            @DefaultValue("slotline:availability") String keyPrefix,
            @DefaultValue("6s") Duration lockTtl) {

        public Redis {
            Objects.requireNonNull(keyPrefix, "keyPrefix");
            if (keyPrefix.isBlank()) {
                throw new IllegalArgumentException("slotline.availability.redis.key-prefix must not be blank");
            }
            positive(lockTtl, "redis.lock-ttl");
        }

        public static Redis defaults() {
            return new Redis("slotline:availability", Duration.ofSeconds(6));
        }
    }

    private static void positive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("slotline.availability." + name + " must be positive: " + value);
        }
    }
}
