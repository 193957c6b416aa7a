package io.slotline.sim.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * The simulator's notion of "now": real time, a frozen instant, or real time shifted to start at a chosen instant.
 * Everything time-dependent in the simulator (notice, expiry, rate-limit windows, createdAt) reads this clock, so
 * tests and demos can pin or move time through {@code POST /_sim/clock}.
 */
public final class SimClock extends Clock {

    private record Setting(@Nullable Instant base, Instant realAtBase, boolean ticking) {}

    private final Clock realTime;
    private volatile Setting setting;

    public SimClock(Clock realTime) {
        this.realTime = realTime;
        this.setting = new Setting(null, realTime.instant(), true);
    }

    public static SimClock system() {
        return new SimClock(Clock.systemUTC());
    }

    /** Freezes time at {@code now}. */
    public void fix(Instant now) {
        setting = new Setting(now, realTime.instant(), false);
    }

    /** Lets time run from {@code now} at real speed. */
    public void startAt(Instant now) {
        setting = new Setting(now, realTime.instant(), true);
    }

    public void useRealTime() {
        setting = new Setting(null, realTime.instant(), true);
    }

    public boolean isReal() {
        return setting.base() == null;
    }

    public boolean isFrozen() {
        return setting.base() != null && !setting.ticking();
    }

    @Override
    public Instant instant() {
        Setting current = setting;
        if (current.base() == null) {
            return realTime.instant();
        }
        if (!current.ticking()) {
            return current.base();
        }
        return current.base().plus(Duration.between(current.realAtBase(), realTime.instant()));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        SimClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }
}
