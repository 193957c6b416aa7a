package io.slotline.bench.chaos;

import java.time.Duration;
import java.util.List;

/** One phase of the fault schedule: what plays, from when and for how long within it. */
record Phase(String name, Duration length, Duration faultAt, Duration faultFor, String fault) {

    static final String WARM_UP = "warm-up";

    /** The schedule at its default length of 300 s; {@code --duration} scales every phase. */
    static List<Phase> schedule(Duration total) {
        double k = total.toMillis() / 300_000.0;
        return List.of(
                phase(WARM_UP, 30, 0, 0, "none (JIT, caches; not a fault phase)", k),
                phase("baseline", 40, 0, 0, "none", k),
                phase("cal.com faults", 50, 0, 50, "10% errors, 5% hangs (30 s), 429 for every request for 5 s", k),
                phase("redis stopped", 45, 5, 30, "the Redis server is killed and started again 30 s later", k),
                phase("postgresql restart", 30, 5, 10, "pg_ctl restart -m fast of the gateways' cluster", k),
                phase("gateway killed", 45, 5, 25, "SIGKILL of gateway 2, started again at once", k),
                phase("competing callers", 25, 5, 15, "2 x 6 callers check and book Anna at one time", k),
                phase("recovery", 35, 0, 0, "none", k));
    }

    private static Phase phase(String name, int seconds, int faultAt, int faultFor, String fault, double k) {
        return new Phase(
                name,
                Duration.ofMillis(Math.round(seconds * 1000 * k)),
                Duration.ofMillis(Math.round(faultAt * 1000 * k)),
                Duration.ofMillis(Math.round(faultFor * 1000 * k)),
                fault);
    }
}
