/**
 * The chaos run ({@code --scenario chaos}): two gateway processes on a PostgreSQL cluster and a Redis server of the
 * run's own, the simulator, the benchmark's phone calls at real think times, and a fault schedule (Cal.com errors,
 * hangs and a 429 burst; Redis stopped; PostgreSQL restarted; a gateway killed; competing callers), reported per
 * phase.
 */
@NullMarked
package io.slotline.bench.chaos;

import org.jspecify.annotations.NullMarked;
