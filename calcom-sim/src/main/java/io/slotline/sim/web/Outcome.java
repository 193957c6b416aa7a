package io.slotline.sim.web;

import java.util.function.Supplier;

/**
 * What an endpoint returns: a finished {@link Reply}, or a {@link Deferred} whose work (the write of a booking) runs
 * when the simulated latency has passed, so that concurrent requests overlap as they do against Cal.com.
 */
public sealed interface Outcome permits Reply, Outcome.Deferred {

    record Deferred(Supplier<Reply> completion) implements Outcome {}
}
